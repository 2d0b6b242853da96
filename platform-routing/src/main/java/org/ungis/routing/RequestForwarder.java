package org.ungis.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Sends a request, once, to the instance that owns its key and copies that instance's answer
 * (status, headers, body) to the client as is; and asks the other instances for their shares of a
 * list.
 */
public class RequestForwarder {

  /** Marks a request one instance forwarded to another; such a request is never forwarded again. */
  public static final String FORWARDED = "X-Ungis-Forwarded";

  private static final Logger log = LoggerFactory.getLogger(RequestForwarder.class);

  /** Hop-by-hop headers and those the HTTP client sets itself. */
  private static final Set<String> NOT_FORWARDED =
      Set.of(
          "host",
          "connection",
          "content-length",
          "expect",
          "upgrade",
          "keep-alive",
          "te",
          "trailer",
          "transfer-encoding",
          "proxy-connection",
          "proxy-authorization",
          "http2-settings",
          FORWARDED.toLowerCase(Locale.ROOT));

  /** Hop-by-hop headers of the answer, and those the servlet container sets itself. */
  private static final Set<String> NOT_COPIED =
      Set.of(
          ":status",
          "connection",
          "content-length",
          "keep-alive",
          "transfer-encoding",
          "date",
          "trailer",
          "upgrade");

  /** Header names whose usual spelling is not "each word capitalized". */
  private static final Map<String, String> SPELLING =
      Map.of(
          "etag", "ETag",
          "www-authenticate", "WWW-Authenticate",
          "x-xss-protection", "X-XSS-Protection",
          "traceparent", "traceparent",
          "tracestate", "tracestate");

  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param timeout how long to wait for the owner's answer: at least as long as the owner may take
   *     (its wait for Kafka's acknowledgement, for its view, for a per-key lock)
   */
  public RequestForwarder(Duration timeout) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
  }

  /**
   * The HTTP client hands header names over in lower case; names are case-insensitive, but the
   * client gets them spelled as the owner (Spring, Tomcat) spells them: {@code ETag}, {@code
   * Content-Type}, {@code Idempotent-Replayed}.
   */
  static String canonical(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String known = SPELLING.get(lower);
    if (known != null) {
      return known;
    }
    StringBuilder spelled = new StringBuilder(lower.length());
    boolean upper = true;
    for (char ch : lower.toCharArray()) {
      spelled.append(upper ? Character.toUpperCase(ch) : ch);
      upper = ch == '-';
    }
    return spelled.toString();
  }

  /**
   * Forwards {@code request} with {@code body} to {@code owner} and writes its answer; a 503
   * problem when the owner cannot be reached.
   *
   * @param what what the request is about, for the 503's detail ("contribution")
   */
  public void forward(
      HttpServletRequest request,
      byte[] body,
      HostInfo owner,
      HostInfo self,
      String what,
      HttpServletResponse response)
      throws IOException {
    String target =
        "http://"
            + owner.host()
            + ":"
            + owner.port()
            + request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    HttpRequest.Builder forwarded =
        HttpRequest.newBuilder(URI.create(target))
            .timeout(timeout)
            .method(
                request.getMethod(),
                body.length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    for (String name : Collections.list(request.getHeaderNames())) {
      if (NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        continue;
      }
      for (String value : Collections.list(request.getHeaders(name))) {
        forwarded.header(name, value);
      }
    }
    forwarded.header(FORWARDED, self.host() + ":" + self.port());
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(forwarded.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      log.warn(
          "Could not forward {} {} to {}: {}", request.getMethod(), target, owner, e.toString());
      RoutingProblems.unavailable(
          response,
          request.getRequestURI(),
          "The instance that holds this "
              + what
              + " ("
              + owner.host()
              + ":"
              + owner.port()
              + ") did not answer; retry");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      RoutingProblems.unavailable(response, request.getRequestURI(), "Interrupted; retry");
      return;
    }
    response.setStatus(answer.statusCode());
    for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
      if (NOT_COPIED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
        continue;
      }
      String name = canonical(header.getKey());
      boolean first = true;
      for (String value : header.getValue()) {
        if (first) {
          response.setHeader(name, value);
          first = false;
        } else {
          response.addHeader(name, value);
        }
      }
    }
    byte[] answerBody = answer.body();
    response.setContentLength(answerBody.length);
    response.getOutputStream().write(answerBody);
  }

  /**
   * {@code GET pathAndQuery} on a peer, marked as forwarded and with the caller's {@code
   * Authorization}; completes with the body of a {@code 200}, or exceptionally with {@link
   * RoutingUnavailableException}.
   */
  public CompletableFuture<byte[]> get(
      HostInfo peer, String pathAndQuery, String authorization, HostInfo self) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
            .timeout(timeout)
            .header(HttpHeaders.ACCEPT, "application/json")
            .header(FORWARDED, self.host() + ":" + self.port())
            .GET();
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .handle(
            (response, failure) -> {
              if (failure != null || response.statusCode() != 200) {
                throw new RoutingUnavailableException(
                    "The instance "
                        + peer.host()
                        + ":"
                        + peer.port()
                        + (failure != null
                            ? " did not answer"
                            : " answered " + response.statusCode())
                        + " to its share of the list; retry");
              }
              return response.body();
            });
  }
}
