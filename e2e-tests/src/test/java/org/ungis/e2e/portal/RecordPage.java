package org.ungis.e2e.portal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A published joint input: its edition, downloads and the approved entries. */
final class RecordPage extends PortalPage {

  RecordPage(Browser browser) {
    super(browser, "/records/[^/]+", "record");
  }

  static RecordPage open(Browser browser, String portalUrl, String processId) {
    browser.open(portalUrl + "/records/" + processId);
    return new RecordPage(browser);
  }

  /** The edition line (number and "Final" tag). */
  String edition() {
    return browser.find(By.cssSelector(".summary-list div:first-child dd")).getText();
  }

  /** The chair's introduction and conclusion, as shown. */
  String framing() {
    return browser
        .driver()
        .findElements(
            By.cssSelector(
                "section[aria-labelledby=introduction], section[aria-labelledby=conclusion]"))
        .stream()
        .map(WebElement::getText)
        .reduce("", (a, b) -> a + "\n" + b);
  }

  /** Each entry's text: title, agency, revision, approval date, the text itself. */
  List<String> entries() {
    return browser.driver().findElements(By.cssSelector("article.entry")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
