package org.ungis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON over HTTP, as a client of the platform's APIs would speak it.
 *
 * <p>Deliberately its own small client (like local-stack's {@code Http}): the end-to-end tests call
 * the APIs from outside, as any client does, through neither a service's nor the local stack's
 * classes.
 */
public final class HttpJson {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpJson() {}

  /** A response: status, body and headers. */
  public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

    public JsonNode json() {
      return JSON.readTree(body.isEmpty() ? "null" : body);
    }

    public Optional<String> header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .flatMap(e -> e.getValue().stream())
          .findFirst();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  public static Response get(String url) {
    return get(url, "application/json", Caller.anonymous());
  }

  public static Response get(String url, String accept, Caller caller) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", accept);
    caller.sign(request);
    return send(request);
  }

  public static Response post(String url, Caller caller, Object body) {
    return send(withBody("POST", url, caller, body));
  }

  public static Response post(String url, Caller caller, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = withBody("POST", url, caller, body);
    headers.forEach(request::header);
    return send(request);
  }

  public static Response put(String url, Caller caller, Object body) {
    return send(withBody("PUT", url, caller, body));
  }

  private static HttpRequest.Builder withBody(
      String method, String url, Caller caller, Object body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json");
    caller.sign(request);
    return request;
  }

  private static Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          CLIENT.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
