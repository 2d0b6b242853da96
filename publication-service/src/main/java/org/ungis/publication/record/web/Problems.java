package org.ungis.publication.record.web;

import static org.ungis.web.Problems.fieldError;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.ungis.publication.record.PublishedRecords;

/**
 * Errors as RFC 9457 problem details, whatever representation was asked for (the content type is
 * set explicitly, so an {@code Accept: text/html} request still gets its 404 as problem+json).
 */
@RestControllerAdvice
class Problems {

  static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @ExceptionHandler(RecordNotFoundException.class)
  ResponseEntity<ProblemDetail> notFound(RecordNotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage(), Map.of());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<ProblemDetail> badArgument(MethodArgumentTypeMismatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        "'" + e.getName() + "' must be a positive whole number.",
        Map.of("errors", List.of(fieldError(e.getName(), "must be a positive whole number"))));
  }

  @ExceptionHandler(UnknownLanguageException.class)
  ResponseEntity<ProblemDetail> unknownLanguage(UnknownLanguageException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "validation",
        "Invalid request",
        e.getMessage(),
        Map.of("errors", List.of(fieldError("lang", "must be one of AR, ZH, EN, FR, RU, ES"))));
  }

  @ExceptionHandler(DocumentFonts.MissingFontsException.class)
  ResponseEntity<ProblemDetail> missingFonts(DocumentFonts.MissingFontsException e) {
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "fonts-missing",
        "Fonts missing",
        e.getMessage(),
        Map.of());
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ProblemDetail> noSuchPath(NoResourceFoundException e) {
    return problem(
        HttpStatus.NOT_FOUND,
        "not-found",
        "Not found",
        "There is nothing at /" + e.getResourcePath() + ".",
        Map.of());
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return problem(
        HttpStatus.NOT_ACCEPTABLE,
        "not-acceptable",
        "Not acceptable",
        "Records are served as application/json, text/markdown or text/html.",
        Map.of());
  }

  @ExceptionHandler(PublishedRecords.UnavailableException.class)
  ResponseEntity<ProblemDetail> unavailable(PublishedRecords.UnavailableException e) {
    ResponseEntity<ProblemDetail> response =
        problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "unavailable",
            "Temporarily unavailable",
            e.getMessage(),
            Map.of());
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .header("Retry-After", "2")
        .body(response.getBody());
  }

  static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String slug, String title, String detail, Map<String, Object> extra) {
    ProblemDetail problem = org.ungis.web.Problems.problem(status, slug, title, detail);
    extra.forEach(problem::setProperty);
    return ResponseEntity.status(status).contentType(PROBLEM).body(problem);
  }
}
