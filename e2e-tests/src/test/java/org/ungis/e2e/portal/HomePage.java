package org.ungis.e2e.portal;

import org.openqa.selenium.By;

/** The public home page: open calls and the latest joint inputs; the language switcher. */
final class HomePage extends PortalPage {

  private final String portalUrl;

  private HomePage(Browser browser, String portalUrl) {
    super(browser, "^" + java.util.regex.Pattern.quote(portalUrl) + "/", "home");
    this.portalUrl = portalUrl;
  }

  static HomePage open(Browser browser, String portalUrl) {
    browser.open(portalUrl + "/");
    return new HomePage(browser, portalUrl);
  }

  /** Picks a language in the switcher (a plain link named in its own script). */
  HomePage chooseLanguage(String tag) {
    click(By.cssSelector("nav.languages a[hreflang='" + tag + "']"));
    browser.waiting().until(d -> tag.equals(browser.htmlAttribute("lang")));
    return new HomePage(browser, portalUrl);
  }

  /** "Sign in": to the authorization server's sign-in page. */
  SignInPage signIn() {
    click(By.id("sign-in"));
    return new SignInPage(browser);
  }

  RecordPage openRecord(String title) {
    click(By.linkText(title));
    return new RecordPage(browser);
  }
}
