package org.ungis.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.ungis.e2e.PlatformStack;

/** The browser harness: headless Chromium loads a page of a real process and axe-core checks it. */
class BrowserHarnessIT {

  @TempDir static Path workDir;

  static PlatformStack stack;

  @BeforeAll
  static void start() {
    BrowserRequirement.configured().check(System.getenv());
    stack = PlatformStack.builder(workDir).start();
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void chromiumShowsThePublishedRecordsIndexAndAxeFindsNoSeriousViolation() {
    try (Browser browser = Browser.start(workDir.resolve("browser"), "en")) {
      browser.open(stack.publication().baseUrl() + "/api/v1/records");

      assertThat(browser.find(By.tagName("body")).getText()).isNotBlank();
      browser.check("records-index");
      assertThat(browser.checkedPages()).containsExactly("records-index");
    }
  }

  @Test
  void axeFailsAPageWithAnImageWithoutTextAndNamesTheRuleAndTheNode() {
    try (Browser browser = Browser.start(workDir.resolve("browser"), "en")) {
      browser.open(
          "data:text/html,<!doctype html><html lang=en><title>Bad</title>"
              + "<main><h1>Bad</h1><img src=chart.png></main></html>");

      assertThatThrownBy(() -> browser.check("bad-page"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("image-alt [critical]")
          .hasMessageContaining("<img src=\"chart.png\">");
      assertThat(browser.checkedPages()).isEmpty();
    }
  }
}
