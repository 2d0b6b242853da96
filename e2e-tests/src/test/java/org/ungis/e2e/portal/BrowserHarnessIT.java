package org.ungis.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser harness itself, without a stack: headless Chromium starts from Debian's packages and
 * axe-core fails a page it should fail, naming the rule and the node ({@link PortalJourneyIT} runs
 * the same checks on the portal's pages).
 */
class BrowserHarnessIT {

  @TempDir Path workDir;

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

  @Test
  void aPageInAnotherLanguageThanExpectedFailsTheCheck() {
    try (Browser browser = Browser.start(workDir.resolve("browser"), "en")) {
      browser.expectLanguage("ar", "rtl");
      browser.open(
          "data:text/html,<!doctype html><html lang=en dir=ltr><title>Home</title>"
              + "<main><h1>Home</h1></main></html>");

      assertThatThrownBy(() -> browser.check("home"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("lang=en dir=ltr, not lang=ar dir=rtl");
    }
  }
}
