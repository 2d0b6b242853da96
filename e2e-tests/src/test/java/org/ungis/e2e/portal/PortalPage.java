package org.ungis.e2e.portal;

import java.util.List;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * What every page of the portal has (the layout): the language, the heading, the header's links,
 * the status tags, a banner; each page object extends it. Creating a page object waits for the page
 * (its path) and runs the checks every page passes ({@link Browser#check(String)}: axe-core,
 * screenshot).
 */
abstract class PortalPage {

  final Browser browser;

  /**
   * Waits until the browser shows the page ({@code path}: a regular expression its address ends
   * with, query excluded), fails if the portal answered with an error summary instead, then checks
   * it.
   */
  PortalPage(Browser browser, String path, String name) {
    this.browser = browser;
    browser.waiting().until(ExpectedConditions.urlMatches(path + "(\\?[^/]*)?(#.*)?$"));
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    List<WebElement> errors = browser.driver().findElements(By.id("error-summary"));
    if (!errors.isEmpty()) {
      throw new AssertionError(
          name + " (" + browser.currentUrl() + ") shows an error: " + errors.get(0).getText());
    }
    browser.check(name);
  }

  String heading() {
    return browser.heading();
  }

  String lang() {
    return browser.htmlAttribute("lang");
  }

  String dir() {
    return browser.htmlAttribute("dir");
  }

  String title() {
    return browser.driver().getTitle();
  }

  /** The visible text of the page's main content. */
  String mainText() {
    return browser.find(By.tagName("main")).getText();
  }

  /** The words of every status tag on the page. */
  List<String> tags() {
    return browser.driver().findElements(By.cssSelector("main .tag")).stream()
        .map(WebElement::getText)
        .map(String::trim)
        .toList();
  }

  /** The success banner's text, if the page shows one. */
  String banner() {
    return browser.driver().findElements(By.cssSelector(".banner")).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse("");
  }

  /** The name shown as signed in, in the header. */
  String signedInAs() {
    return browser.find(By.cssSelector(".who-name")).getText();
  }

  /**
   * As a keyboard user arriving on the page: the first Tab lands on the skip link, Enter on it
   * moves the focus to the main content, from where Tab goes on to the page's own controls.
   */
  void skipToMain() {
    browser.press(Keys.TAB);
    WebElement first = browser.focused();
    if (!"a".equals(first.getTagName()) || !"#main".equals(first.getDomAttribute("href"))) {
      throw new AssertionError(
          "the first Tab on "
              + browser.currentUrl()
              + " focuses "
              + first.getTagName()
              + " \""
              + first.getText()
              + "\", not the skip link to the main content");
    }
    browser.press(Keys.ENTER);
    browser.waiting().until(d -> "main".equals(browser.focused().getDomAttribute("id")));
  }

  /**
   * Follows a link of the page by keyboard: focus it (as Tab would) and press Enter. A live region
   * may replace the link between finding and focusing it (a new input arriving in the queue); the
   * driver then refuses the keys without sending them, and the link is found again.
   */
  void follow(By link) {
    actOn(link, element -> element.sendKeys(Keys.ENTER));
  }

  /** Clicks, as a mouse user does (again after a live update replaced the element). */
  void click(By by) {
    actOn(by, WebElement::click);
  }

  private void actOn(By by, Consumer<WebElement> action) {
    browser
        .waiting()
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            driver -> {
              WebElement element = ExpectedConditions.elementToBeClickable(by).apply(driver);
              if (element == null) {
                return false;
              }
              action.accept(element);
              return true;
            });
  }
}
