package org.ungis.e2e.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** "Check your answers" before an input is sent; the button names the act. */
final class CheckAnswersPage extends PortalPage {

  CheckAnswersPage(Browser browser) {
    super(browser, "/check", "check-answers");
  }

  /** The value shown for a question (its {@code dt} text). */
  String answer(String question) {
    return browser
        .find(By.xpath("//dl//div[dt[normalize-space()='" + question + "']]/dd[1]"))
        .getText();
  }

  String submitButton() {
    return browser.find(By.id("submit-input")).getText();
  }

  /**
   * Tab to the submit button and press Enter; the browser goes on to the confirmation page ({@code
   * new ConfirmationPage(browser)} waits for it).
   */
  void pressSubmit() {
    browser.tabTo("submit-input", 80);
    browser.press(Keys.ENTER);
  }
}
