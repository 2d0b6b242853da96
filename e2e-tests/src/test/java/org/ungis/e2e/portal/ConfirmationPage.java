package org.ungis.e2e.portal;

import org.openqa.selenium.By;

/** "Your input is sent": what happens next, a link to the input. */
final class ConfirmationPage extends PortalPage {

  ConfirmationPage(Browser browser) {
    super(browser, "/my/inputs/[^/]+/sent", "confirmation");
  }

  /** The input's id, from the page's address. */
  String inputId() {
    String url = browser.currentUrl();
    String path = url.substring(0, url.indexOf("/sent"));
    return path.substring(path.lastIndexOf('/') + 1);
  }

  MyInputPage viewInput() {
    follow(By.cssSelector("main a[href$='/my/inputs/" + inputId() + "']"));
    return new MyInputPage(browser);
  }
}
