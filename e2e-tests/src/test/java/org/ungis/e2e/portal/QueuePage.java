package org.ungis.e2e.portal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A reviewer's queue: the inputs awaiting a decision, nearest deadline first; live. */
final class QueuePage extends PortalPage {

  QueuePage(Browser browser) {
    super(browser, "/review", "queue");
  }

  static QueuePage open(Browser browser, String portalUrl) {
    browser.open(portalUrl + "/review");
    return new QueuePage(browser);
  }

  /** The queue of one call (as the filter, or "back to the queue of this call", shows it). */
  static QueuePage open(Browser browser, String portalUrl, String callId) {
    browser.open(portalUrl + "/review?process=" + callId);
    return new QueuePage(browser);
  }

  /** The titles of the inputs in the queue, as shown now (live updates included). */
  List<String> titles() {
    return browser
        .driver()
        .findElements(By.cssSelector("#queue-live tbody tr td:first-child a"))
        .stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The text of the row of an input (title, agency, call, deadline, status, approvals). */
  String row(String title) {
    return browser
        .find(By.xpath("//div[@id='queue-live']//tr[.//a[normalize-space()='" + title + "']]"))
        .getText();
  }

  /** Opens an input's review page by keyboard. */
  ReviewPage open(String title) {
    follow(By.xpath("//div[@id='queue-live']//tr//a[normalize-space()='" + title + "']"));
    return new ReviewPage(browser);
  }
}
