package org.ungis.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RequestForwarderTest {

  static final HostInfo SELF = new HostInfo("localhost", 1);
  static final BodyLimit LIMIT = new BodyLimit(BodyLimit.DEFAULT_MAX_BYTES);
  static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void headerNamesOfAForwardedAnswerAreSpelledAsTheOwnerSpellsThem() {
    assertThat(RequestForwarder.canonical("etag")).isEqualTo("ETag");
    assertThat(RequestForwarder.canonical("content-type")).isEqualTo("Content-Type");
    assertThat(RequestForwarder.canonical("idempotent-replayed")).isEqualTo("Idempotent-Replayed");
    assertThat(RequestForwarder.canonical("x-content-type-options"))
        .isEqualTo("X-Content-Type-Options");
    assertThat(RequestForwarder.canonical("x-xss-protection")).isEqualTo("X-XSS-Protection");
    assertThat(RequestForwarder.canonical("www-authenticate")).isEqualTo("WWW-Authenticate");
    assertThat(RequestForwarder.canonical("Location")).isEqualTo("Location");
  }

  @Test
  void aForwardedRequestWaitsForTheOwnersWorstCasePlusAMargin() {
    try (RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(35), LIMIT)) {
      assertThat(forwarder.timeout()).isEqualTo(Duration.ofSeconds(40));
    }
  }

  @Test
  void anOwnerThatDoesNotAnswerInTimeIsA504ThatSaysTheRequestMayHaveBeenApplied() throws Exception {
    try (OwnerHttpServer owner = new OwnerHttpServer().stall();
        RequestForwarder forwarder =
            new RequestForwarder(Duration.ofMillis(300), Duration.ofSeconds(5), LIMIT)) {
      MockHttpServletResponse response = new MockHttpServletResponse();

      forwarder.forward(decision(), body("{}"), owner.host(), SELF, "contribution", response);

      assertThat(response.getStatus()).isEqualTo(504);
      assertThat(response.getContentType()).isEqualTo("application/problem+json");
      JsonNode problem = JSON.readTree(response.getContentAsByteArray());
      assertThat(problem.get("type").asString())
          .isEqualTo("https://ungis.org/problems/owner-timeout");
      assertThat(problem.get("status").asInt()).isEqualTo(504);
      assertThat(problem.get("detail").asString())
          .contains("may have been applied")
          .contains("same Idempotency-Key");
    }
  }

  @Test
  void anOwnerThatCannotBeReachedIsA503ToRetry() throws Exception {
    try (RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(1), LIMIT)) {
      MockHttpServletResponse response = new MockHttpServletResponse();

      forwarder.forward(decision(), body("{}"), closedPort(), SELF, "contribution", response);

      assertThat(response.getStatus()).isEqualTo(503);
      assertThat(response.getHeader("Retry-After")).isEqualTo("5");
      JsonNode problem = JSON.readTree(response.getContentAsByteArray());
      assertThat(problem.get("type").asString())
          .isEqualTo("https://ungis.org/problems/unavailable");
      assertThat(problem.get("title").asString()).isEqualTo("Service unavailable");
    }
  }

  @Test
  void aHeaderTheHttpClientRefusesIsA400ProblemNotA500() throws Exception {
    try (OwnerHttpServer owner = new OwnerHttpServer();
        RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(1), LIMIT)) {
      MockHttpServletRequest request = decision();
      request.addHeader("X-Note", "first line\nsecond line");
      MockHttpServletResponse response = new MockHttpServletResponse();

      forwarder.forward(request, body("{}"), owner.host(), SELF, "contribution", response);

      assertThat(response.getStatus()).isEqualTo(400);
      JsonNode problem = JSON.readTree(response.getContentAsByteArray());
      assertThat(problem.get("type").asString())
          .isEqualTo("https://ungis.org/problems/bad-request");
      assertThat(owner.bodies()).isEmpty();
    }
  }

  @Test
  void aStalledPeerFailsItsShareOfAListAfterTheShortShareTimeout() throws Exception {
    try (OwnerHttpServer peer = new OwnerHttpServer().stall();
        RequestForwarder forwarder =
            new RequestForwarder(Duration.ofSeconds(30), Duration.ofMillis(300), LIMIT)) {
      CompletableFuture<byte[]> share = forwarder.get(peer.host(), "/share", "Bearer t", SELF);

      assertThatThrownBy(share::join)
          .isInstanceOf(CompletionException.class)
          .cause()
          .isInstanceOf(RoutingUnavailableException.class)
          .hasMessageContaining("did not answer within 300 ms");
    }
  }

  /**
   * Java 17's {@code sendAsync} completes each response on the common fork-join pool, which on a
   * 2-core host (parallelism 1) starts a thread per response; the shares are asked on a small pool.
   */
  @Test
  void gatheringManySharesStartsAFewThreadsNotOnePerShare() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    try (OwnerHttpServer peer = new OwnerHttpServer();
        RequestForwarder forwarder = new RequestForwarder(Duration.ofSeconds(5), LIMIT)) {
      shares(forwarder, peer.host(), 20); // the client's and the pool's threads, once
      long before = threads.getTotalStartedThreadCount();

      List<byte[]> answered = shares(forwarder, peer.host(), 200);

      long started = threads.getTotalStartedThreadCount() - before;
      assertThat(answered).hasSize(200).allSatisfy(body -> assertThat(body).isEqualTo(body("[]")));
      assertThat(started).isLessThanOrEqualTo(RequestForwarder.SHARE_THREADS + 6L);
    }
  }

  private static List<byte[]> shares(RequestForwarder forwarder, HostInfo peer, int count) {
    List<CompletableFuture<byte[]>> asked = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      asked.add(forwarder.get(peer, "/share?n=" + i, "Bearer t", SELF));
    }
    return asked.stream().map(CompletableFuture::join).toList();
  }

  static MockHttpServletRequest decision() {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/v1/reviews/c-1/decisions");
    request.addHeader("Authorization", "Bearer t");
    request.addHeader("Idempotency-Key", "k-1");
    request.setContentType("application/json");
    return request;
  }

  static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A local address where nothing listens. */
  static HostInfo closedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return new HostInfo("127.0.0.1", socket.getLocalPort());
    }
  }
}
