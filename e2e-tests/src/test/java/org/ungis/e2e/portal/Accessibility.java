package org.ungis.e2e.portal;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.List;
import java.util.Set;
import org.openqa.selenium.WebDriver;

/**
 * Deque's axe-core (bundled with {@code com.deque.html.axe-core:selenium}) on the page a browser
 * shows: WCAG 2.0/2.1 A and AA rules and axe's best practices; a violation of impact serious or
 * critical fails, with each rule id, its help and every offending node.
 */
final class Accessibility {

  static final Set<String> BLOCKING = Set.of("serious", "critical");

  static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice");

  private Accessibility() {}

  static void assertNoSeriousViolations(WebDriver driver, String page) {
    Results results = new AxeBuilder().withTags(TAGS).analyze(driver);
    if (results.isErrored()) {
      throw new AssertionError(
          "axe-core could not check "
              + page
              + " ("
              + driver.getCurrentUrl()
              + "): "
              + results.getErrorMessage());
    }
    List<Rule> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING.contains(rule.getImpact()))
            .toList();
    if (!blocking.isEmpty()) {
      throw new AssertionError(report(page, driver.getCurrentUrl(), blocking));
    }
  }

  static String report(String page, String url, List<Rule> violations) {
    StringBuilder out =
        new StringBuilder("axe-core: ")
            .append(violations.size())
            .append(" serious or critical violation(s) on ")
            .append(page)
            .append(" (")
            .append(url)
            .append("):");
    for (Rule rule : violations) {
      out.append("\n- ")
          .append(rule.getId())
          .append(" [")
          .append(rule.getImpact())
          .append("] ")
          .append(rule.getHelp())
          .append(" ")
          .append(rule.getHelpUrl());
      for (CheckedNode node : rule.getNodes()) {
        out.append("\n    ")
            .append(node.getTarget())
            .append("  ")
            .append(node.getHtml())
            .append("\n      ")
            .append(String.valueOf(node.getFailureSummary()).replace("\n", "\n      "));
      }
    }
    return out.toString();
  }
}
