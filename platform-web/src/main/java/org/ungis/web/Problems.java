package org.ungis.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The platform's RFC 9457 problem details: a stable {@code type} {@value #TYPE_BASE}{@code <slug>},
 * a title, a detail, and for a bad field an {@code errors} array of {@code {field, message}}. Each
 * service's exception handler keeps its own problem types and statuses and builds them here.
 */
public final class Problems {

  /** Every problem type is this base and a slug, e.g. {@code .../problems/not-found}. */
  public static final String TYPE_BASE = "https://ungis.org/problems/";

  /** Seconds a client waits before it retries a {@code 503 unavailable}. */
  public static final String RETRY_AFTER_SECONDS = "5";

  private Problems() {}

  /** The type URI of a slug. */
  public static URI type(String slug) {
    return URI.create(TYPE_BASE + slug);
  }

  /** A problem of the given status, type slug, title and detail. */
  public static ProblemDetail problem(
      HttpStatusCode status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(slug));
    problem.setTitle(title);
    return problem;
  }

  /**
   * Names the bad fields: {@code errors} = [{field, message}...]; none leaves the problem as is.
   */
  public static ProblemDetail withErrors(ProblemDetail problem, List<Map<String, String>> errors) {
    if (!errors.isEmpty()) {
      problem.setProperty("errors", List.copyOf(errors));
    }
    return problem;
  }

  /** Names one bad field. */
  public static ProblemDetail withError(ProblemDetail problem, String field, String message) {
    return withErrors(problem, List.of(fieldError(field, message)));
  }

  /** One entry of {@code errors}. */
  public static Map<String, String> fieldError(String field, String message) {
    return Map.of("field", field, "message", message);
  }
}
