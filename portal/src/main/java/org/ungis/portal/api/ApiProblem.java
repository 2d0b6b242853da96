package org.ungis.portal.api;

import java.util.List;

/**
 * A service's problem+json answer (RFC 9457), as the portal read it: the page turns it into words
 * with {@link ProblemMessages}.
 *
 * @param status the HTTP status
 * @param type the problem's stable type, e.g. {@code https://ungis.org/problems/stale-revision}
 * @param reason the refusal's reason code ({@code RECUSAL}, {@code NOT_ON_ROTA}, ...), if any
 * @param detail the service's own sentence (English, for the log; never shown as is)
 * @param errors the field errors of a 400 or 422
 */
public record ApiProblem(
    int status, String type, String reason, String detail, List<FieldProblem> errors) {

  public ApiProblem {
    type = type == null ? "" : type;
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** One field error: the API's field name ({@code title}, {@code sdgs[0]}) and its message. */
  public record FieldProblem(String field, String message) {}

  /** The last segment of the type: {@code validation}, {@code forbidden}, {@code call-closed}... */
  public String slug() {
    int slash = type.lastIndexOf('/');
    return slash < 0 ? type : type.substring(slash + 1);
  }

  /** The exception that carries it out of a client. */
  public static final class Exception extends RuntimeException {
    private final ApiProblem problem;

    public Exception(ApiProblem problem) {
      super(problem.status() + " " + problem.type() + ": " + problem.detail());
      this.problem = problem;
    }

    public ApiProblem problem() {
      return problem;
    }
  }
}
