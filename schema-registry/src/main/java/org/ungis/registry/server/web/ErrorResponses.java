package org.ungis.registry.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.ungis.registry.server.core.RegistryException;

/**
 * Every error as Confluent writes it: {@code {"error_code": N, "message": "..."}}, never a stack
 * trace.
 */
@RestControllerAdvice
class ErrorResponses {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  @ExceptionHandler(RegistryException.class)
  ResponseEntity<Map<String, Object>> registry(RegistryException e, HttpServletRequest request) {
    if (e.errorCode().httpStatus() >= 500) {
      LOG.warn("{} {} failed: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
    }
    return error(e.errorCode().httpStatus(), e.errorCode().code(), e.getMessage(), request);
  }

  @ExceptionHandler(BadRequestException.class)
  ResponseEntity<Map<String, Object>> badRequest(
      BadRequestException e, HttpServletRequest request) {
    return error(400, 400, e.getMessage(), request);
  }

  @ExceptionHandler({
    MethodArgumentTypeMismatchException.class,
    MissingServletRequestParameterException.class
  })
  ResponseEntity<Map<String, Object>> badParameter(Exception e, HttpServletRequest request) {
    return error(400, 400, "Bad request: " + e.getMessage(), request);
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(HttpServletRequest request) {
    return error(404, 404, "HTTP 404 Not Found", request);
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> methodNotAllowed(HttpServletRequest request) {
    return error(405, 405, "HTTP 405 Method Not Allowed", request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<Map<String, Object>> notAcceptable(HttpServletRequest request) {
    return error(406, 406, "HTTP 406 Not Acceptable", request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return error(500, 500, "Internal Server Error", request);
  }

  static ResponseEntity<Map<String, Object>> error(
      int status, int code, String message, HttpServletRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", code);
    body.put("message", message);
    return ResponseEntity.status(status).contentType(contentType(request)).body(body);
  }

  /** The caller's preferred of the API's JSON types (v1 when it did not say). */
  private static MediaType contentType(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null
        && accept.contains(MediaTypes.JSON)
        && !accept.contains("vnd.schemaregistry")) {
      return MediaType.APPLICATION_JSON;
    }
    return MediaType.parseMediaType(MediaTypes.V1_JSON);
  }
}
