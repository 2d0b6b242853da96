package org.ungis.contributions.contribution.web;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.ungis.contributions.contribution.FieldError;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.web.InvalidParameterException;
import org.ungis.web.Problems;
import tools.jackson.core.JacksonException;

/**
 * Translates refusals into RFC 9457 problem details with a stable {@code type}
 * (https://ungis.org/problems/&lt;slug&gt;) and an {@code errors} array naming the fields.
 */
@RestControllerAdvice(assignableTypes = ContributionController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

  private record Mapping(HttpStatus status, String slug, String title) {}

  private static final Map<Refusal, Mapping> MAPPINGS =
      Map.ofEntries(
          Map.entry(
              Refusal.VALIDATION,
              new Mapping(HttpStatus.BAD_REQUEST, "validation", "Invalid input")),
          Map.entry(
              Refusal.UNKNOWN_AGENCY,
              new Mapping(HttpStatus.FORBIDDEN, "unknown-agency", "Unknown agency")),
          Map.entry(Refusal.FORBIDDEN, new Mapping(HttpStatus.FORBIDDEN, "forbidden", "Forbidden")),
          Map.entry(Refusal.NOT_FOUND, new Mapping(HttpStatus.NOT_FOUND, "not-found", "Not found")),
          Map.entry(
              Refusal.UNKNOWN_PROCESS,
              new Mapping(
                  HttpStatus.UNPROCESSABLE_CONTENT, "unknown-process", "Unknown call for inputs")),
          Map.entry(
              Refusal.CALL_CLOSED,
              new Mapping(HttpStatus.CONFLICT, "call-closed", "Call for inputs closed")),
          Map.entry(
              Refusal.DEADLINE_PASSED,
              new Mapping(HttpStatus.UNPROCESSABLE_CONTENT, "deadline-passed", "Deadline passed")),
          Map.entry(
              Refusal.STALE_REVISION,
              new Mapping(HttpStatus.CONFLICT, "stale-revision", "Stale revision")),
          Map.entry(Refusal.CONFLICT, new Mapping(HttpStatus.CONFLICT, "conflict", "Conflict")),
          Map.entry(
              Refusal.IDEMPOTENCY_KEY_REUSED,
              new Mapping(
                  HttpStatus.UNPROCESSABLE_CONTENT,
                  "idempotency-key-reused",
                  "Idempotency key reused")),
          Map.entry(
              Refusal.UNAVAILABLE,
              new Mapping(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable")));

  @ExceptionHandler
  ResponseEntity<ProblemDetail> refused(RefusedException e) {
    Mapping mapping = MAPPINGS.get(e.refusal());
    var response = ResponseEntity.status(mapping.status());
    if (e.refusal() == Refusal.UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, Problems.RETRY_AFTER_SECONDS);
    }
    return response.body(
        problem(mapping.status(), mapping.slug(), mapping.title(), e.getMessage(), e.errors()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> invalidParameter(InvalidParameterException e) {
    return ResponseEntity.badRequest().body(e.problem());
  }

  /** Defence in depth: the security filter chain answers a request without a token first. */
  @ExceptionHandler
  ResponseEntity<ProblemDetail> notAuthenticated(AuthenticationException e) {
    return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .body(
            problem(
                HttpStatus.UNAUTHORIZED,
                "unauthorized",
                "Unauthorized",
                "A valid bearer token is required (Authorization: Bearer <token>)",
                List.of()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage(), List.of()));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
    String field = "body";
    String message = "The request body is not valid JSON for this endpoint";
    if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
      field = path(json.getPath());
      message = field + " has the wrong type or format";
    }
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid input",
                message,
                List.of(new FieldError(field, message))));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
    String message = e.getName() + " has the wrong type";
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid input",
                message,
                List.of(new FieldError(e.getName(), message))));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> missingHeader(MissingRequestHeaderException e) {
    String message = "The header " + e.getHeaderName() + " is required";
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "validation",
                "Invalid input",
                message,
                List.of(new FieldError(e.getHeaderName(), message))));
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    log.error("Unexpected failure", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal",
                "Internal error",
                "The service failed unexpectedly; the failure is logged",
                List.of()));
  }

  private static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : references) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  static ProblemDetail problem(
      HttpStatus status, String slug, String title, String detail, List<FieldError> errors) {
    return Problems.withErrors(
        Problems.problem(status, slug, title, detail),
        errors.stream().map(f -> Problems.fieldError(f.field(), f.message())).toList());
  }
}
