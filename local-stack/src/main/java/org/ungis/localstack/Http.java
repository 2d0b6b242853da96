package org.ungis.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for the demo: one base URL, the acting agency in headers.
 *
 * <p>Deliberately its own (like e2e-tests' {@code HttpJson}): the local stack drives the services
 * from outside, as a client does, and shares no code with the test harness.
 */
final class Http {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String baseUrl;

  Http(String baseUrl) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  String url(String path) {
    return baseUrl + path;
  }

  /**
   * Who acts: a bearer token when the authorization server issues one, and (until every service
   * reads the token) the agency and principal headers.
   */
  record Actor(String agency, String principal, Optional<String> token) {}

  /** A response: status, body and the headers the demo needs. */
  record Response(int status, String body, Optional<String> location) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    JsonNode json() {
      return JSON.readTree(body.isEmpty() ? "{}" : body);
    }

    /** The problem's title and detail (RFC 9457), or the raw body. */
    String problem() {
      try {
        JsonNode node = json();
        if (node.has("detail") || node.has("title")) {
          return status
              + " "
              + node.path("title").asString("")
              + ": "
              + node.path("detail").asString("");
        }
      } catch (RuntimeException e) {
        // not JSON: show it as it is
      }
      return status + " " + body;
    }
  }

  /** The service did not answer at all (not started, stopped, restarting). */
  static final class Unreachable extends IllegalStateException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  Response get(String path, String accept) {
    return send(HttpRequest.newBuilder(URI.create(url(path))).GET().header("Accept", accept));
  }

  Response getJson(String path) {
    return get(path, "application/json");
  }

  /** A GET on behalf of someone (the intake shows an agency only its own contributions). */
  Response getJson(String path, Actor actor) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path))).GET().header("Accept", "application/json");
    return send(sign(request, actor));
  }

  Response post(String path, Actor actor, Object body, String idempotencyKey) {
    HttpRequest.Builder request = json(path, actor, body, "POST");
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  Response put(String path, Actor actor, Object body) {
    return send(json(path, actor, body, "PUT"));
  }

  private HttpRequest.Builder json(String path, Actor actor, Object body, String method) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url(path)))
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    return sign(request, actor);
  }

  private static HttpRequest.Builder sign(HttpRequest.Builder request, Actor actor) {
    request.header("X-Ungis-Agency", actor.agency()).header("X-Ungis-Principal", actor.principal());
    actor.token().ifPresent(token -> request.header("Authorization", "Bearer " + token));
    return request;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(), response.body(), response.headers().firstValue("Location"));
    } catch (IOException e) {
      throw new Unreachable(request.build().uri() + " does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
