package org.ungis.review.web;

import static org.ungis.web.Problems.RETRY_AFTER_SECONDS;
import static org.ungis.web.Problems.type;
import static org.ungis.web.Problems.withError;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.ungis.review.command.BusyException;
import org.ungis.review.command.EventLogUnavailableException;
import org.ungis.review.command.IdempotencyKeyReusedException;
import org.ungis.review.messaging.ViewUnavailableException;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.RuleViolation;
import org.ungis.routing.RoutingUnavailableException;
import org.ungis.web.InvalidParameterException;

/**
 * Every error as RFC 9457 {@code application/problem+json} with a stable {@code type} URI {@code
 * https://ungis.org/problems/<slug>}; a refusal on a rule also carries its {@code reason} code, a
 * bad field an {@code errors} array of {field, message}.
 */
@RestControllerAdvice
class Problems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<ProblemDetail> ruleViolation(RuleViolation e) {
    return switch (e.kind()) {
      case INVALID -> invalid(e.field(), e.getMessage());
      case FORBIDDEN ->
          problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), e.reason());
      case NOT_FOUND ->
          problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), null);
      case CONFLICT ->
          problem(
              HttpStatus.CONFLICT,
              conflictSlug(e.reason()),
              "Conflict",
              e.getMessage(),
              e.reason());
    };
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<ProblemDetail> badRequest(BadRequestException e) {
    return invalid(e.field(), e.getMessage());
  }

  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
    return ResponseEntity.badRequest().body(e.problem());
  }

  @ExceptionHandler(IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(IdempotencyKeyReusedException e) {
    ProblemDetail body =
        detail(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "idempotency-key-reused",
            "Idempotency-Key reused",
            e.getMessage());
    return ResponseEntity.unprocessableContent()
        .body(withError(body, Idempotency.HEADER, e.getMessage()));
  }

  @ExceptionHandler(UnknownAgencyException.class)
  ResponseEntity<ProblemDetail> unknownAgency(UnknownAgencyException e) {
    return problem(
        HttpStatus.FORBIDDEN,
        "unknown-agency",
        "Unknown agency",
        e.getMessage(),
        Reasons.UNKNOWN_AGENCY);
  }

  @ExceptionHandler({
    EventLogUnavailableException.class,
    ViewUnavailableException.class,
    BusyException.class,
    RoutingUnavailableException.class
  })
  ResponseEntity<ProblemDetail> unavailable(RuntimeException e) {
    ProblemDetail body =
        detail(
            HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", e.getMessage());
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    ProblemDetail body =
        detail(
            HttpStatus.BAD_REQUEST,
            "validation",
            "Invalid request",
            "the body is not valid JSON of the expected shape");
    return ResponseEntity.badRequest().body(withError(body, "body", "malformed JSON"));
  }

  /** Gives Spring MVC's own problems (404, 405, 415...) a stable type too. */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
      problem.setType(type(slugOf(status)));
    }
    return super.handleExceptionInternal(ex, body, headers, status, request);
  }

  private static String slugOf(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> "validation";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 406 -> "not-acceptable";
      case 415 -> "unsupported-media-type";
      default -> status.is5xxServerError() ? "unavailable" : "bad-request";
    };
  }

  private static String conflictSlug(String reason) {
    return switch (reason) {
      case Reasons.STALE_REVISION -> "stale-revision";
      case Reasons.CALL_CLOSED -> "call-closed";
      case Reasons.SYMBOL_EXISTS -> "symbol-exists";
      default -> "conflict";
    };
  }

  private static ResponseEntity<ProblemDetail> invalid(String field, String message) {
    ProblemDetail body =
        detail(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + ": " + message);
    return ResponseEntity.badRequest().body(withError(body, field, message));
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String slug, String title, String detail, String reason) {
    ProblemDetail body = detail(status, slug, title, detail);
    if (reason != null) {
      body.setProperty("reason", reason);
    }
    return ResponseEntity.status(status).body(body);
  }

  private static ProblemDetail detail(HttpStatus status, String slug, String title, String detail) {
    return org.ungis.web.Problems.problem(status, slug, title, detail);
  }
}
