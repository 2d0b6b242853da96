package org.ungis.web;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A query parameter a list does not know, or a value it cannot use: always a {@code 400}
 * problem+json, never a parameter silently ignored. Its {@code type} is {@value #UNKNOWN_TYPE} or
 * {@value #INVALID_TYPE}; the parameter is named in {@code parameter} and in {@code
 * errors[0].field}, as every other field error of the platform.
 */
public class InvalidParameterException extends RuntimeException {

  /** The problem type of a query parameter the endpoint does not know. */
  public static final String UNKNOWN_TYPE = Problems.TYPE_BASE + "unknown-parameter";

  /** The problem type of a known query parameter with a value the endpoint cannot use. */
  public static final String INVALID_TYPE = Problems.TYPE_BASE + "invalid-parameter";

  private final String parameter;
  private final boolean unknown;

  private InvalidParameterException(String parameter, String message, boolean unknown) {
    super(message);
    this.parameter = parameter;
    this.unknown = unknown;
  }

  /** A parameter the endpoint does not declare; {@code known} lists the ones it does. */
  public static InvalidParameterException unknown(String parameter, List<String> known) {
    String message =
        known.isEmpty()
            ? "this endpoint takes no query parameter"
            : "unknown query parameter; this endpoint takes " + String.join(", ", known);
    return new InvalidParameterException(parameter, message, true);
  }

  /** A known parameter with a value the endpoint cannot use. */
  public static InvalidParameterException invalid(String parameter, String message) {
    return new InvalidParameterException(parameter, message, false);
  }

  public String parameter() {
    return parameter;
  }

  public boolean isUnknown() {
    return unknown;
  }

  /** The problem type URI. */
  public String type() {
    return unknown ? UNKNOWN_TYPE : INVALID_TYPE;
  }

  /** The problem title. */
  public String title() {
    return unknown ? "Unknown query parameter" : "Invalid query parameter";
  }

  /** The detail: the parameter and what is wrong with it. */
  public String detail() {
    return parameter + ": " + getMessage();
  }

  /** The answer as Spring's problem detail, for a service's exception handler. */
  public ProblemDetail problem() {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail());
    problem.setType(URI.create(type()));
    problem.setTitle(title());
    problem.setProperty("parameter", parameter);
    return Problems.withError(problem, parameter, getMessage());
  }
}
