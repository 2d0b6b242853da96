package org.ungis.portal.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a service's problem into message keys of the portal's bundles: a page never shows a status
 * code, a type or a reason code, only a sentence in the person's language.
 */
public final class ProblemMessages {

  private ProblemMessages() {}

  /** The message key of the sentence that explains the problem as a whole. */
  public static String key(ApiProblem problem) {
    String reason = problem.reason();
    if (reason != null && !reason.isBlank()) {
      return switch (reason) {
        case "RECUSAL" -> "problem.recusal";
        case "NOT_ON_ROTA" -> "problem.not-on-rota";
        case "NOT_A_REVIEWER" -> "problem.not-a-reviewer";
        case "NOT_CHAIR" -> "problem.not-chair";
        case "STALE_REVISION", "UNKNOWN_REVISION" -> "problem.stale-revision";
        case "ALREADY_DECIDED" -> "problem.already-decided";
        case "CONTRIBUTION_WITHDRAWN" -> "problem.withdrawn";
        case "AGENCY_ALREADY_APPROVED" -> "problem.agency-already-approved";
        case "CALL_CLOSED" -> "problem.call-closed";
        case "CALL_UNKNOWN" -> "problem.call-unknown";
        case "CALL_EXISTS" -> "problem.call-exists";
        case "UNKNOWN_AGENCY" -> "problem.unknown-agency";
        case "NOT_FOUND" -> "problem.not-found";
        default -> bySlug(problem);
      };
    }
    return bySlug(problem);
  }

  private static String bySlug(ApiProblem problem) {
    return switch (problem.slug()) {
      case "validation" -> "problem.validation";
      case "unauthorized" -> "problem.unauthorized";
      case "forbidden" -> "problem.forbidden";
      case "unknown-agency" -> "problem.unknown-agency";
      case "not-found" -> "problem.not-found";
      case "stale-revision" -> "problem.stale-revision";
      case "call-closed" -> "problem.call-closed";
      case "unknown-process" -> "problem.call-unknown";
      case "deadline-passed" -> "problem.deadline-passed";
      case "conflict" -> "problem.conflict";
      case "idempotency-key-reused" -> "problem.conflict";
      case "unavailable" -> "problem.unavailable";
      default ->
          switch (problem.status()) {
            case 400, 422 -> "problem.validation";
            case 401 -> "problem.unauthorized";
            case 403 -> "problem.forbidden";
            case 404 -> "problem.not-found";
            case 409 -> "problem.conflict";
            case 503, 504 -> "problem.unavailable";
            default -> "problem.unexpected";
          };
    };
  }

  /**
   * The message key of each field error, by the portal's form field name: the API's {@code sdgs[0]}
   * and {@code links[2]} belong to the fields {@code sdgs} and {@code links}; the first error of a
   * field wins.
   */
  public static Map<String, String> fieldKeys(ApiProblem problem) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (ApiProblem.FieldProblem error : problem.errors()) {
      String field = formField(error.field());
      keys.putIfAbsent(field, fieldKey(field, error.message()));
    }
    return keys;
  }

  /** The form field an API field name belongs to. */
  public static String formField(String apiField) {
    if (apiField == null) {
      return "";
    }
    int bracket = apiField.indexOf('[');
    String field = bracket < 0 ? apiField : apiField.substring(0, bracket);
    return "processId".equals(field) ? "process" : field;
  }

  private static String fieldKey(String field, String message) {
    String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
    boolean missing = m.contains("required") || m.contains("blank") || m.contains("must not be");
    boolean tooLong = m.contains("at most") || m.contains("too long") || m.contains("longer");
    return switch (field) {
      case "title" ->
          missing ? "error.title.required" : tooLong ? "error.title.long" : "error.title";
      case "summary" -> "error.summary.long";
      case "body" -> missing ? "error.body.required" : tooLong ? "error.body.long" : "error.body";
      case "language" -> "error.language";
      case "sdgs" -> "error.sdgs";
      case "actionLines" -> "error.actionLines";
      case "links" -> "error.links";
      case "reason" -> missing ? "error.reason.required" : "error.reason.long";
      case "comment" -> "error.comment.required";
      case "process" -> "error.process";
      case "deadline" -> "error.deadline";
      case "id" -> "error.call-id";
      case "agency" -> "error.agency";
      case "requiredApprovals" -> "error.requiredApprovals";
      default -> "error.field";
    };
  }
}
