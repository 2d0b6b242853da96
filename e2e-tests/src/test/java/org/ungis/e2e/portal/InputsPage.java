package org.ungis.e2e.portal;

import org.openqa.selenium.By;

/** Every input of the focal point's agency, a page at a time, the latest change first. */
final class InputsPage extends PortalPage {

  InputsPage(Browser browser) {
    super(browser, "/my/inputs", "inputs");
  }

  /** The row of an input in the table. */
  String inputRow(String title) {
    return browser.find(By.xpath("//tr[.//a[normalize-space()='" + title + "']]")).getText();
  }

  /** How many inputs the agency has, as the page says it. */
  String count() {
    return browser.find(By.id("inputs-count")).getText();
  }
}
