package org.ungis.e2e.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** Reading one input (text on the start side) and recording a decision (on the end side). */
final class ReviewPage extends PortalPage {

  ReviewPage(Browser browser) {
    super(browser, "/review/items/[^/]+", "review");
  }

  /** The input's text as the reviewer reads it. */
  String text() {
    return browser.find(By.cssSelector(".review-text")).getText();
  }

  /** Status, approvals and the decisions so far. */
  String status() {
    return browser.find(By.id("review-status")).getText();
  }

  /**
   * Records a decision with the keyboard only: Tab into the radio group (it lands on the first,
   * "approve"), arrow keys to the wanted one, Tab to the comment, type, Tab to the button, Enter.
   *
   * @param position 0 approve, 1 request changes, 2 reject (the order of the form)
   */
  DecidedPage decide(int position, String comment) {
    browser.tabTo("decision-APPROVED", 60);
    if (position == 0) {
      browser.press(Keys.SPACE);
    }
    for (int i = 0; i < position; i++) {
      browser.press(Keys.ARROW_DOWN);
    }
    if (!comment.isEmpty()) {
      browser.tabTo("comment", 5);
      browser.press(comment);
    }
    browser.tabTo("record-decision", 5);
    browser.press(Keys.ENTER);
    return new DecidedPage(browser);
  }

  /** The confirmation after a decision: the input's status and approvals in words. */
  static final class DecidedPage extends PortalPage {
    DecidedPage(Browser browser) {
      super(browser, "/review/items/[^/]+/decided", "decided");
    }

    String outcome() {
      return browser.find(By.cssSelector(".confirmation")).getText();
    }
  }
}
