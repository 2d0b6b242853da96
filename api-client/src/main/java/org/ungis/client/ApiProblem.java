package org.ungis.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A service answered, but not with success: the status and the RFC 9457 problem details of the
 * answer ({@code type}, {@code title}, {@code detail}, the field errors, the refusal's {@code
 * reason}). Branch on {@link #status()}, {@link #type()} and {@link #reason()}, never on the
 * detail. When the body is not problem details, {@link #type()} is {@code about:blank} and {@link
 * #body()} holds what came.
 */
public final class ApiProblem extends RuntimeException {

  /** One bad field or parameter of the request. */
  public record FieldError(String field, String message) {}

  private final int status;
  private final String type;
  private final String title;
  private final String detail;
  private final String reason;
  private final List<FieldError> errors;
  private final Map<String, List<String>> headers;
  private final String body;

  ApiProblem(
      int status,
      String type,
      String title,
      String detail,
      String reason,
      List<FieldError> errors,
      Map<String, List<String>> headers,
      String body) {
    super(status + " " + (title == null ? "" : title) + (detail == null ? "" : ": " + detail));
    this.status = status;
    this.type = type;
    this.title = title;
    this.detail = detail;
    this.reason = reason;
    this.errors = List.copyOf(errors);
    this.headers = Map.copyOf(headers);
    this.body = body;
  }

  /** The HTTP status of the answer. */
  public int status() {
    return status;
  }

  /** The stable problem type, e.g. {@code https://ungis.org/problems/validation}. */
  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  public String detail() {
    return detail;
  }

  /** A refusal's stable reason code (e.g. {@code RECUSAL}), when the service gives one. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason);
  }

  /** Every bad field or parameter, in the order the service named them. */
  public List<FieldError> errors() {
    return errors;
  }

  /** The first value of a header of the answer (e.g. {@code Retry-After}), ignoring case. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .flatMap(header -> header.getValue().stream())
        .findFirst();
  }

  /** The body of the answer as it came. */
  public String body() {
    return body;
  }
}
