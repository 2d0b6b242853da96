package org.ungis.e2e.portal;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The input form (write or revise), filled with the keyboard only: Tab moves from field to field in
 * the page's order, the person types, Space ticks a checkbox, Enter on "Continue" sends the form.
 */
final class InputFormPage extends PortalPage {

  /** How many Tab presses may separate one field from the next (the SDG grid has 17 boxes). */
  private static final int MAX_TABS = 40;

  InputFormPage(Browser browser, boolean revision) {
    super(
        browser,
        revision ? "/my/inputs/[^/]+/revise" : "/my/inputs/new",
        revision ? "input-form-revise" : "input-form");
  }

  /** The reviewers' comment shown beside the revision form. */
  String reviewersComment() {
    return browser.find(By.cssSelector(".comment-box blockquote")).getText();
  }

  InputFormPage type(String field, String text) {
    browser.tabTo(field, MAX_TABS);
    browser.clearFocused().press(text);
    return this;
  }

  /** Appends to what a field holds (Ctrl+End, then the text). */
  InputFormPage append(String field, String text) {
    browser.tabTo(field, MAX_TABS);
    browser.press(Keys.chord(Keys.CONTROL, Keys.END), text);
    return this;
  }

  /** Chooses an option of a select by typing the start of its visible name (type-ahead). */
  InputFormPage choose(String field, String value) {
    browser.tabTo(field, MAX_TABS);
    String label =
        browser.find(By.cssSelector("#" + field + " option[value='" + value + "']")).getText();
    browser.press(label);
    return this;
  }

  /** Ticks checkboxes (Space) by their ids, e.g. {@code sdg-9}, {@code al-C7}. */
  InputFormPage tick(List<String> ids) {
    for (String id : ids) {
      browser.tabTo(id, MAX_TABS);
      if (!browser.focused().isSelected()) {
        browser.press(Keys.SPACE);
      }
    }
    return this;
  }

  String value(String field) {
    return browser.find(By.id(field)).getDomProperty("value");
  }

  /** Tab to "Continue" and press Enter: the check-your-answers page. */
  CheckAnswersPage continueToCheck() {
    browser.tabTo("continue", MAX_TABS);
    browser.press(Keys.ENTER);
    return new CheckAnswersPage(browser);
  }
}
