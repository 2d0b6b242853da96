package org.ungis.portal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.ProblemMessages;

/**
 * What is wrong with a form, as message keys: per field (shown inline and in the error summary at
 * the top, which links to the field) and for the form as a whole (a service's refusal in words).
 */
public final class FormErrors {

  private final Map<String, String> fields = new LinkedHashMap<>();
  private final Map<String, String> anchors;
  private String problem;

  /**
   * @param anchors the id of the first control of each grouped field (a fieldset of checkboxes),
   *     e.g. {@code sdgs -> sdg-1}; other fields' ids are their names
   */
  public FormErrors(Map<String, String> anchors) {
    this.anchors = Map.copyOf(anchors);
  }

  public FormErrors() {
    this(Map.of());
  }

  public FormErrors add(String field, String messageKey) {
    fields.putIfAbsent(field, messageKey);
    return this;
  }

  /** A service's problem: its field errors by field, and its sentence when no field explains it. */
  public FormErrors add(ApiProblem problem) {
    Map<String, String> byField = ProblemMessages.fieldKeys(problem);
    byField.forEach(this::add);
    if (byField.isEmpty()) {
      this.problem = ProblemMessages.key(problem);
    }
    return this;
  }

  public FormErrors problem(String messageKey) {
    this.problem = messageKey;
    return this;
  }

  public boolean any() {
    return !fields.isEmpty() || problem != null;
  }

  public boolean has(String field) {
    return fields.containsKey(field);
  }

  public String key(String field) {
    return fields.get(field);
  }

  /** The whole-form sentence's key, or null. */
  public String problem() {
    return problem;
  }

  /** The summary's links, in the order of the form. */
  public List<Map.Entry<String, String>> links() {
    return fields.entrySet().stream()
        .map(e -> Map.entry("#" + anchors.getOrDefault(e.getKey(), e.getKey()), e.getValue()))
        .toList();
  }

  /** The id of a field's error message, for {@code aria-describedby}. */
  public String errorId(String field) {
    return field + "-error";
  }
}
