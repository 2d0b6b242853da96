package org.ungis.e2e.portal;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The authorization server's sign-in page, where the portal sends a person to sign in. */
final class SignInPage {

  private final Browser browser;

  SignInPage(Browser browser) {
    this.browser = browser;
    browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.check("sign-in");
  }

  String lang() {
    return browser.htmlAttribute("lang");
  }

  String dir() {
    return browser.htmlAttribute("dir");
  }

  String heading() {
    return browser.heading();
  }

  /**
   * Types the e-mail and password and presses Enter in the password field, as a person does; the
   * browser goes back to the portal, signed in.
   */
  void signInAs(String email, String password) {
    browser.find(By.id("username")).sendKeys(email);
    browser.find(By.id("password")).sendKeys(password, Keys.ENTER);
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
  }
}
