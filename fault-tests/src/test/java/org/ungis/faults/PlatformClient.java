package org.ungis.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.ungis.e2e.AuthTokens;
import org.ungis.e2e.HttpJson;
import org.ungis.e2e.HttpJson.Response;

/**
 * A client of the platform that behaves as the services' READMEs tell a client to: every create
 * carries an {@code Idempotency-Key}, and a timeout, a connection error or a {@code 503} is retried
 * with the same key and the same body. It keeps count of what it saw (503s with and without {@code
 * Retry-After}, 5xx other than 503, the slowest answer) so the tests can assert on the behaviour
 * under faults, not only on the end state.
 */
final class PlatformClient {

  /** One try: an answer, or the I/O error (timeout, connection refused) the client saw instead. */
  record Attempt(Response response, IOException error, Duration took) {

    boolean answered() {
      return response != null;
    }

    int status() {
      return response == null ? -1 : response.status();
    }
  }

  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
  private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(90);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AuthTokens tokens;
  private final Map<String, CachedToken> cache = new ConcurrentHashMap<>();
  private final Duration requestTimeout;

  final AtomicInteger unavailable = new AtomicInteger();
  final AtomicInteger unavailableWithoutRetryAfter = new AtomicInteger();

  /** Requests that got no answer within the request timeout. */
  final AtomicInteger timeouts = new AtomicInteger();

  /** Requests that failed without an answer for another reason (refused, reset). */
  final AtomicInteger connectionErrors = new AtomicInteger();

  final AtomicLong slowestMillis = new AtomicLong();
  final List<Response> serverErrors = new CopyOnWriteArrayList<>();

  private record CachedToken(String token, long expiresAt) {}

  PlatformClient(String authServerUrl) {
    this(authServerUrl, REQUEST_TIMEOUT);
  }

  /**
   * A client whose requests time out after {@code requestTimeout}: longer than any answer a test
   * allows, so a hang shows as a timeout instead of being hidden by it.
   */
  PlatformClient(String authServerUrl, Duration requestTimeout) {
    this.tokens = new AuthTokens(authServerUrl);
    this.requestTimeout = requestTimeout;
  }

  /** The bearer token of a client (cached for a while; fetched again when it gets old). */
  String token(String clientId, String secret) {
    CachedToken cached = cache.get(clientId);
    if (cached == null || System.nanoTime() > cached.expiresAt()) {
      cached =
          new CachedToken(
              tokens.token(clientId, secret), System.nanoTime() + TOKEN_LIFETIME.toNanos());
      cache.put(clientId, cached);
    }
    return cached.token();
  }

  /** An agency's intake client ({@code <code>-intake}). */
  String agencyToken(String agency) {
    String lower = agency.toLowerCase(java.util.Locale.ROOT);
    return token(lower + "-intake", lower + "-secret");
  }

  /** A reviewer of an agency ({@code reviewer-<code>-1}). */
  String reviewerToken(String agency) {
    String client = "reviewer-" + agency.toLowerCase(java.util.Locale.ROOT) + "-1";
    return token(client, client + "-secret");
  }

  /** One POST, no retry; an I/O error is returned, not thrown. */
  Attempt postOnce(String url, String token, Object body, String idempotencyKey) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(requestTimeout)
            .POST(HttpRequest.BodyPublishers.ofString(HttpJson.JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return send(request);
  }

  /** One PUT with {@code If-Match} (a revision), no retry; an I/O error is returned, not thrown. */
  Attempt putOnce(String url, String token, Object body, String ifMatch) {
    return send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(requestTimeout)
            .PUT(HttpRequest.BodyPublishers.ofString(HttpJson.JSON.writeValueAsString(body)))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("Authorization", "Bearer " + token)
            .header("If-Match", ifMatch));
  }

  /** One GET, no retry. */
  Attempt getOnce(String url, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(requestTimeout)
            .GET()
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /**
   * POSTs until the answer is final: retries, with the same key and body, on a connection error or
   * timeout, on {@code 502/503/504}, and on any answer {@code retryAlso} accepts (e.g. a 404 while
   * another service has not yet read an event); waits while no token can be had (the authorization
   * server is down). Gives up after {@code patience}.
   */
  Response postUntilFinal(
      String url,
      java.util.function.Supplier<String> token,
      Object body,
      String idempotencyKey,
      Predicate<Response> retryAlso,
      Duration patience) {
    return postUntilFinal(url, token, body, idempotencyKey, retryAlso, patience, attempt -> {});
  }

  /** As above, telling {@code eachAttempt} of every attempt and what it got (for a history). */
  Response postUntilFinal(
      String url,
      java.util.function.Supplier<String> token,
      Object body,
      String idempotencyKey,
      Predicate<Response> retryAlso,
      Duration patience,
      java.util.function.Consumer<Attempt> eachAttempt) {
    AtomicReference<Response> last = new AtomicReference<>();
    await("POST " + url + " (Idempotency-Key " + idempotencyKey + ") gets a final answer")
        .atMost(patience)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(700))
        .until(
            () -> {
              String bearer;
              try {
                bearer = token.get();
              } catch (RuntimeException authorizationServerDown) {
                return false; // no token, no attempt: try again
              }
              Attempt attempt = postOnce(url, bearer, body, idempotencyKey);
              eachAttempt.accept(attempt);
              if (!attempt.answered()) {
                return false;
              }
              Response response = attempt.response();
              last.set(response);
              int status = response.status();
              return status != 502 && status != 503 && status != 504 && !retryAlso.test(response);
            });
    return last.get();
  }

  private Attempt send(HttpRequest.Builder request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> answer =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      slowestMillis.accumulateAndGet(took.toMillis(), Math::max);
      Response response = new Response(answer.statusCode(), answer.body(), answer.headers().map());
      if (response.status() == 503) {
        unavailable.incrementAndGet();
        if (response.header("Retry-After").isEmpty()) {
          unavailableWithoutRetryAfter.incrementAndGet();
        }
      } else if (response.status() >= 500) {
        serverErrors.add(response);
      }
      return new Attempt(response, null, took);
    } catch (IOException e) {
      (e instanceof java.net.http.HttpTimeoutException ? timeouts : connectionErrors)
          .incrementAndGet();
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      slowestMillis.accumulateAndGet(took.toMillis(), Math::max);
      return new Attempt(null, e, took);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
