package org.ungis.e2e.portal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The chair's calls: each call's state; open a call (check first), close one (confirm first). */
final class CallAdminPage extends PortalPage {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMddyyyy", Locale.US);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("hhmma", Locale.US);

  CallAdminPage(Browser browser) {
    super(browser, "/chair", "call-admin");
  }

  static CallAdminPage open(Browser browser, String portalUrl) {
    browser.open(portalUrl + "/chair");
    return new CallAdminPage(browser);
  }

  /** The task of a call in the list (title, deadline, status tag, actions). */
  String call(String title) {
    return browser
        .find(By.xpath("//li[contains(@class,'task')][.//a[normalize-space()='" + title + "']]"))
        .getText();
  }

  /**
   * Opens a call through the form and its check page, typing as a person does (the deadline in the
   * browser's date and time field: month, day, year, Tab, hours, minutes, AM/PM).
   */
  CallAdminPage openCall(String id, String title, String description, LocalDateTime deadlineUtc) {
    follow(By.id("open-call"));
    new OpenCallForm(browser);
    browser.find(By.id("id")).sendKeys(id);
    browser.find(By.id("title")).sendKeys(title);
    browser.find(By.id("description")).sendKeys(description);
    browser
        .find(By.id("deadline"))
        .sendKeys(deadlineUtc.format(DATE), Keys.TAB, deadlineUtc.format(TIME));
    click(By.id("continue"));
    new OpenCallCheck(browser);
    click(By.id("open-call-confirm"));
    return new CallAdminPage(browser);
  }

  /** "Close" for a call, then the confirmation page's button. */
  CallAdminPage closeCall(String id) {
    follow(By.cssSelector("main a[href$='/chair/calls/" + id + "/close']"));
    new CloseCallPage(browser);
    click(By.id("close-call"));
    return new CallAdminPage(browser);
  }

  /** "The joint input" for a call: types the introduction and the conclusion, then saves. */
  CallAdminPage writeDocument(String id, String introduction, String conclusion) {
    follow(By.id("document-" + id));
    new DocumentPage(browser);
    browser.find(By.id("introduction")).sendKeys(introduction);
    browser.find(By.id("conclusion")).sendKeys(conclusion);
    click(By.id("save-document"));
    return new CallAdminPage(browser);
  }

  static final class DocumentPage extends PortalPage {
    DocumentPage(Browser browser) {
      super(browser, "/chair/calls/[^/]+/document", "call-document");
    }
  }

  static final class OpenCallForm extends PortalPage {
    OpenCallForm(Browser browser) {
      super(browser, "/chair/calls/new", "call-open-form");
    }
  }

  static final class OpenCallCheck extends PortalPage {
    OpenCallCheck(Browser browser) {
      super(browser, "/chair/calls/check", "call-open-check");
    }
  }

  static final class CloseCallPage extends PortalPage {
    CloseCallPage(Browser browser) {
      super(browser, "/chair/calls/[^/]+/close", "call-close");
    }
  }
}
