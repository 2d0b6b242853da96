package org.ungis.portal.web;

import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.ProblemMessages;
import org.ungis.portal.api.ServiceUnavailableException;

/**
 * Reads a list for a page or a live fragment: when the service refuses (4xx), fails (5xx) or does
 * not answer, the page says why in the person's language (the message key under the given model
 * attribute, shown by {@code parts :: listProblem}) instead of an empty list that reads as "nothing
 * there".
 */
public final class ListProblems {

  private static final Logger log = LoggerFactory.getLogger(ListProblems.class);

  private ListProblems() {}

  /** The list, or {@code empty} with the reason's message key under {@code attribute}. */
  public static <T> T read(Model model, String attribute, Supplier<T> list, T empty) {
    try {
      return list.get();
    } catch (ApiProblem.Exception | ServiceUnavailableException e) {
      log.info("a list could not be read: {}", e.getMessage());
      model.addAttribute(attribute, key(e));
      return empty;
    }
  }

  /** The message key of a refusal or of a service that did not answer. */
  public static String key(RuntimeException failure) {
    return failure instanceof ApiProblem.Exception refused
        ? ProblemMessages.key(refused.problem())
        : "problem.unavailable";
  }
}
