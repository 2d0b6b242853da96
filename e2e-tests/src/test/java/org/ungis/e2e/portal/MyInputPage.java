package org.ungis.e2e.portal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** A focal point's input: the reviewers' comment on top, status, approvals, history, actions. */
final class MyInputPage extends PortalPage {

  MyInputPage(Browser browser) {
    super(browser, "/my/inputs/[^/]+", "my-input");
  }

  static MyInputPage open(Browser browser, String portalUrl, String id) {
    browser.open(portalUrl + "/my/inputs/" + id);
    return new MyInputPage(browser);
  }

  String status() {
    return browser.find(By.cssSelector(".summary-list .tag")).getText().trim();
  }

  /** The reviewers' comment box (who, what, the comment), empty when there is none. */
  String reviewersComment() {
    return browser.driver().findElements(By.cssSelector(".comment-box")).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("");
  }

  /** The timeline, newest first: one text per entry (who, what, when, comment). */
  List<String> history() {
    return browser.driver().findElements(By.cssSelector(".timeline .timeline-entry")).stream()
        .map(WebElement::getText)
        .toList();
  }

  InputFormPage revise() {
    follow(By.cssSelector("a[href$='/revise']"));
    return new InputFormPage(browser, true);
  }
}
