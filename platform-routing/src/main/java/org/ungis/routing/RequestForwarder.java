package org.ungis.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;

/**
 * Sends a request, once, to the instance that owns its key and copies that instance's answer
 * (status, headers, body) to the client as is; and asks the other instances for their shares of a
 * list.
 *
 * <p>A forwarded request waits for the owner's worst case plus {@link #MARGIN}; when even that
 * passes, the answer is 504 {@code owner-timeout}: the owner may have applied the request, so the
 * client retries with the same {@code Idempotency-Key}. A share of a list waits {@link
 * #SHARE_TIMEOUT}, so that one stalled instance does not hold every list request.
 *
 * <p>The shares are asked with the client's synchronous {@code send} on a small bounded pool of
 * daemon threads ({@value #SHARE_THREADS}, named {@code routing-share-N}), not with {@code
 * sendAsync}: Java 17's client completes every {@code sendAsync} on the common fork-join pool,
 * which on a 2-core host (parallelism 1) starts a new thread per response. {@link #close()} stops
 * the pool (Spring calls it when the context closes).
 */
public class RequestForwarder implements AutoCloseable {

  /** Marks a request one instance forwarded to another; such a request is never forwarded again. */
  public static final String FORWARDED = "X-Ungis-Forwarded";

  /**
   * The header carrying the platform instances' shared secret on requests to internal endpoints (a
   * share of a list); platform-security's {@code ungis.security.internal.secret}.
   */
  public static final String INTERNAL = "X-Ungis-Internal";

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

  /** What a forwarded request waits beyond the owner's worst case before it answers 504. */
  public static final Duration MARGIN = Duration.ofSeconds(5);

  /** How long the receiving instance waits for another instance's share of a list. */
  public static final Duration SHARE_TIMEOUT = Duration.ofSeconds(5);

  /** Threads that ask for shares of lists, at most. */
  static final int SHARE_THREADS = 4;

  /** Share requests that wait for one of those threads, at most; more are answered 503. */
  static final int SHARE_QUEUE = 256;

  private final HttpClient http;
  private final Duration timeout;
  private final Duration shareTimeout;
  private final BodyLimit bodyLimit;
  private final ThreadPoolExecutor shares;
  private volatile String internalSecret;

  /**
   * @param ownerWorstCase the longest the owner may take to answer (its wait for a per-key lock,
   *     for Kafka's acknowledgement, for its view); a forwarded request waits that plus {@link
   *     #MARGIN}
   * @param bodyLimit the most bytes of a request body the routing reads into memory
   */
  public RequestForwarder(Duration ownerWorstCase, BodyLimit bodyLimit) {
    this(ownerWorstCase.plus(MARGIN), SHARE_TIMEOUT, bodyLimit);
  }

  /**
   * @param timeout how long a forwarded request waits for the owner's answer
   * @param shareTimeout how long a share of a list waits
   */
  RequestForwarder(Duration timeout, Duration shareTimeout, BodyLimit bodyLimit) {
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
    this.shareTimeout = shareTimeout;
    this.bodyLimit = bodyLimit;
    this.shares =
        new ThreadPoolExecutor(
            SHARE_THREADS,
            SHARE_THREADS,
            1,
            TimeUnit.MINUTES,
            new ArrayBlockingQueue<>(SHARE_QUEUE),
            daemonThreads("routing-share-"));
  }

  /** How long a forwarded request waits for the owner's answer. */
  public Duration timeout() {
    return timeout;
  }

  /** The most bytes of a request body the routing reads into memory. */
  public BodyLimit bodyLimit() {
    return bodyLimit;
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    shares.shutdownNow();
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
   * problem when the owner cannot be reached, 504 when it did not answer in time (the request may
   * have been applied), 400 when the request cannot be sent on as it is (a header or URI the HTTP
   * client refuses).
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
    HttpRequest built;
    try {
      built = build(request, body, target, self);
    } catch (IllegalArgumentException e) {
      log.info("Could not forward {} {}: {}", request.getMethod(), target, e.toString());
      RoutingProblems.badRequest(
          response,
          request.getRequestURI(),
          "The request cannot be sent on to the instance that holds this "
              + what
              + ": "
              + e.getMessage());
      return;
    }
    HttpResponse<byte[]> answer;
    try {
      answer = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      unreachable(request, target, owner, what, response, e);
      return;
    } catch (HttpTimeoutException e) {
      // Sent, but no answer in time: the owner may still apply it (or have applied it).
      log.warn(
          "{} {} forwarded to {} got no answer in {}", request.getMethod(), target, owner, timeout);
      RoutingProblems.ownerTimeout(
          response,
          request.getRequestURI(),
          holder(what, owner)
              + " did not answer within "
              + timeout.toSeconds()
              + " s; the request may have been applied: retry with the same Idempotency-Key");
      return;
    } catch (IOException e) {
      unreachable(request, target, owner, what, response, e);
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

  private HttpRequest build(HttpServletRequest request, byte[] body, String target, HostInfo self) {
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
    return forwarded.build();
  }

  private static void unreachable(
      HttpServletRequest request,
      String target,
      HostInfo owner,
      String what,
      HttpServletResponse response,
      IOException e)
      throws IOException {
    log.warn("Could not forward {} {} to {}: {}", request.getMethod(), target, owner, e.toString());
    RoutingProblems.unavailable(
        response, request.getRequestURI(), holder(what, owner) + " did not answer; retry");
  }

  private static String holder(String what, HostInfo owner) {
    return "The instance that holds this " + what + " (" + owner.host() + ":" + owner.port() + ")";
  }

  /**
   * The secret sent ({@link #INTERNAL}) with every request to a peer's internal endpoint; the peers
   * answer only requests that carry it.
   */
  protected final void internalSecret(String secret) {
    this.internalSecret = secret;
  }

  /**
   * {@code GET pathAndQuery} on a peer, marked as forwarded and with the caller's {@code
   * Authorization}, waiting at most {@link #SHARE_TIMEOUT}; completes with the body of a {@code
   * 200}, or exceptionally with {@link RoutingUnavailableException}.
   */
  public CompletableFuture<byte[]> get(
      HostInfo peer, String pathAndQuery, String authorization, HostInfo self) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
            .timeout(shareTimeout)
            .header(HttpHeaders.ACCEPT, "application/json")
            .header(FORWARDED, self.host() + ":" + self.port())
            .GET();
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    if (internalSecret != null && !internalSecret.isBlank()) {
      request.header(INTERNAL, internalSecret);
    }
    HttpRequest built = request.build();
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    try {
      shares.execute(
          () -> {
            if (result.isDone()) {
              return; // waited in the queue past its deadline: nobody wants it any more
            }
            try {
              result.complete(share(built, peer));
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException e) {
      result.completeExceptionally(
          new RoutingUnavailableException(
              "Too many lists are being gathered from the other instances right now; retry"));
    }
    // The HTTP timeout starts when a thread sends; this bounds the wait for a thread too.
    return result.orTimeout(shareTimeout.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
  }

  /** One share, asked synchronously on a thread of {@link #shares}. */
  private byte[] share(HttpRequest request, HostInfo peer) {
    String failure;
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() == 200) {
        return response.body();
      }
      failure = " answered " + response.statusCode();
    } catch (HttpTimeoutException e) {
      failure = " did not answer within " + shareTimeout.toMillis() + " ms";
    } catch (IOException e) {
      failure = " did not answer";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      failure = " was not asked (interrupted)";
    }
    throw new RoutingUnavailableException(
        "The instance "
            + peer.host()
            + ":"
            + peer.port()
            + failure
            + " to its share of the list; retry");
  }
}
