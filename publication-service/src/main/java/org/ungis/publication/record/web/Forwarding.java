package org.ungis.publication.record.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.ungis.publication.record.PublishedRecords;

/**
 * When several instances run, a past edition is answered by the instance that keeps the process's
 * history: the request is sent there once (never forwarded twice) and its answer returned as is.
 */
@RestControllerAdvice
class Forwarding {

  static final String FORWARDED = "X-Ungis-Forwarded";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @ExceptionHandler(PublishedRecords.ElsewhereException.class)
  ResponseEntity<?> forward(PublishedRecords.ElsewhereException e, HttpServletRequest request) {
    if (request.getHeader(FORWARDED) != null) {
      return unavailable("the instances disagree on who keeps this history; try again");
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    URI target = URI.create("http://" + e.host() + ":" + e.port() + request.getRequestURI());
    try {
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(target)
                  .timeout(Duration.ofSeconds(10))
                  .header(HttpHeaders.ACCEPT, accept == null ? "*/*" : accept)
                  .header(FORWARDED, "1")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.statusCode());
      for (String header :
          new String[] {
            HttpHeaders.CONTENT_TYPE, "Content-Security-Policy", "X-Content-Type-Options"
          }) {
        answer.headers().firstValue(header).ifPresent(value -> response.header(header, value));
      }
      return response.body(answer.body());
    } catch (IOException ex) {
      return unavailable("the instance that keeps this history cannot be reached");
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      return unavailable("interrupted");
    }
  }

  private static ResponseEntity<?> unavailable(String detail) {
    return Problems.problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "Temporarily unavailable",
        detail,
        java.util.Map.of());
  }
}
