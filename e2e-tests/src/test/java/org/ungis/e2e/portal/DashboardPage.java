package org.ungis.e2e.portal;

import org.openqa.selenium.By;

/**
 * A focal point's dashboard: per open call a task with its tag and next step; the agency's latest
 * inputs and a link to all of them.
 */
final class DashboardPage extends PortalPage {

  DashboardPage(Browser browser) {
    super(browser, "/my", "dashboard");
  }

  static DashboardPage open(Browser browser, String portalUrl) {
    browser.open(portalUrl + "/my");
    return new DashboardPage(browser);
  }

  /** The text of the task of a call (its title, deadline, status tag and next step). */
  String task(String callTitle) {
    return browser
        .find(
            By.xpath("//li[contains(@class,'task')][.//a[normalize-space()='" + callTitle + "']]"))
        .getText();
  }

  /** The row of an input in the agency's inputs table. */
  String inputRow(String title) {
    return browser.find(By.xpath("//tr[.//a[normalize-space()='" + title + "']]")).getText();
  }

  /** "Write an input" for a call, followed with the keyboard. */
  InputFormPage startInput(String callId) {
    follow(By.cssSelector("a[href*='/my/inputs/new?process=" + callId + "']"));
    return new InputFormPage(browser, false);
  }

  /** "See all inputs of your agency", followed with the keyboard. */
  InputsPage allInputs() {
    follow(By.id("all-inputs"));
    return new InputsPage(browser);
  }

  MyInputPage openInput(String title) {
    follow(By.xpath("//tr//a[normalize-space()='" + title + "']"));
    return new MyInputPage(browser);
  }
}
