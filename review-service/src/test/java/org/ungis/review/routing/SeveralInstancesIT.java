package org.ungis.review.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.review.ReviewServiceApplication;
import org.ungis.review.TestEvents;
import org.ungis.review.messaging.CallOwners;
import org.ungis.review.messaging.CallReplica;
import org.ungis.review.messaging.ItemOwners;
import org.ungis.routing.PartitionOwners;
import org.ungis.routing.RequestForwarder;
import org.ungis.routing.testing.ServiceInstance;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of review-service (one application id) in one JVM, on one KRaft broker, the real
 * schema registry and the real authorization server, checked as a chair would: whichever instance a
 * reviewer talks to, a decision is decided once by the instance that owns the contribution, the
 * queue shows every item, and a call opened through one instance governs decisions on the other.
 */
class SeveralInstancesIT {

  static final EmbeddedKafkaKraftBroker BROKER = ServiceInstance.broker();

  /** Inside the 2023-2024 rota: chairs ITU and UNDP, vice-chairs UNESCO, UNCTAD and UNESCAP. */
  static final Instant START = Instant.parse("2023-02-01T09:00:00Z");

  static final JsonMapper JSON = JsonMapper.builder().build();

  /** A request as another instance forwards it. */
  static final Map<String, String> FORWARDED = Map.of(RequestForwarder.FORWARDED, "localhost:1");

  static EmbeddedSchemaRegistry registry;
  static EmbeddedAuthServer auth;
  static ServiceInstance a;
  static ServiceInstance b;
  static String itu;
  static String undp;

  static PartitionOwners items(ServiceInstance instance) {
    return instance.bean(ItemOwners.class);
  }

  static PartitionOwners calls(ServiceInstance instance) {
    return instance.bean(CallOwners.class);
  }

  static HttpResponse<String> send(
      ServiceInstance instance, String method, String path, String body, String token, String key)
      throws Exception {
    return instance.send(
        method, path, body, token, key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  @BeforeAll
  static void start() throws Exception {
    BROKER.afterPropertiesSet();
    registry = EmbeddedSchemaRegistry.start(BROKER.getBrokersAsString());
    auth = EmbeddedAuthServer.start();
    itu = auth.reviewerToken("reviewer-itu-1");
    undp = auth.reviewerToken("reviewer-undp-1");
    a = startInstance();
    b = startInstance();
    // Both hold partitions of both views, know each other, and have read every call.
    ServiceInstance.awaitSpread(Duration.ofSeconds(90), SeveralInstancesIT::items, a, b);
    ServiceInstance.awaitSpread(Duration.ofSeconds(30), SeveralInstancesIT::calls, a, b);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> a.bean(CallReplica.class).caughtUp() && b.bean(CallReplica.class).caughtUp());
  }

  static ServiceInstance startInstance() throws IOException {
    return ServiceInstance.start(
        ReviewServiceApplication.class,
        BROKER,
        Map.of(
            "spring.kafka.properties.schema.registry.url", registry.url(),
            "spring.security.oauth2.resourceserver.jwt.issuer-uri", auth.issuer(),
            "ungis.clock.start", START.toString()));
  }

  @AfterAll
  static void stop() {
    ServiceInstance.closeAll(b, a, registry, BROKER::destroy, auth);
  }

  @Test
  void whicheverInstanceAReviewerAsksEveryDecisionIsDecidedOnceByTheContributionsOwner()
      throws Exception {
    // A call whose partition B owns, opened through A (forwarded), read through both.
    String call =
        keyOwnedBy(calls(b), b, () -> "wsis-" + UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> opened =
        send(
            a,
            "POST",
            "/api/v1/processes",
            "{\"id\":\""
                + call
                + "\",\"title\":\"UNGIS input to WSIS 2023\",\"deadline\":\"2023-03-31T23:59:59Z\"}",
            itu,
            "open-" + call);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    assertThat(opened.headers().firstValue("Location")).hasValue("/api/v1/processes/" + call);
    for (ServiceInstance instance : List.of(a, b)) {
      HttpResponse<String> read = instance.get("/api/v1/processes/" + call, itu);
      assertThat(read.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(read.body()).path("status").asString()).isEqualTo("OPEN");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> instance.get("/api/v1/processes", itu).body().contains(call));
    }

    // Two contributions on each instance's partitions, as contributions-service writes them.
    Map<String, ServiceInstance> owners = new LinkedHashMap<>();
    List<String> ids = new ArrayList<>();
    for (ServiceInstance owner : List.of(a, b, a, b)) {
      String id = keyOwnedBy(items(owner), owner, () -> UUID.randomUUID().toString());
      owners.put(id, owner);
      ids.add(id);
      produce(
          TestEvents.submitted(
              id, call, "FAO", "Input " + ids.size(), START.plusSeconds(ids.size())));
    }
    // The queue through either instance shows all four, oldest first, the same.
    for (ServiceInstance instance : List.of(a, b)) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> queue(instance, call, "PENDING").equals(ids));
    }
    assertThat(a.get("/api/v1/reviews?process=" + call, itu).body())
        .isEqualTo(b.get("/api/v1/reviews?process=" + call, itu).body());
    // Paged and filtered the same through either instance; totals count every instance's items.
    String second = "/api/v1/reviews?process=" + call + "&agency=fao&size=3&page=1";
    assertThat(a.get(second, itu).body()).isEqualTo(b.get(second, itu).body());
    JsonNode page = JSON.readTree(a.get(second, itu).body());
    assertThat(page.path("items").get(0).path("contributionId").asString()).isEqualTo(ids.get(3));
    assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(4);
    assertThat(page.path("page").path("totalPages").asInt()).isEqualTo(2);
    String otherAgency = "/api/v1/reviews?process=" + call + "&agency=ITU";
    assertThat(JSON.readTree(b.get(otherAgency, itu).body()).path("items")).isEmpty();
    assertThat(a.get("/api/v1/reviews?process=" + call + "&size=101", itu).statusCode())
        .isEqualTo(400);

    // Decide each through the instance that does not own it, and through the one that does.
    Map<String, HttpResponse<String>> decided = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      String id = ids.get(i);
      ServiceInstance owner = owners.get(id);
      ServiceInstance through = i < 2 ? (owner == a ? b : a) : owner;
      HttpResponse<String> decision = decide(through, id, "decide-" + id);
      assertThat(decision.statusCode()).as(decision.body()).isEqualTo(201);
      assertThat(decision.headers().firstValue("Idempotent-Replayed")).isEmpty();
      assertThat(JSON.readTree(decision.body()).path("outcome").asString()).isEqualTo("APPROVED");
      decided.put(id, decision);
    }

    // A retry with the same key through the other instance: the same decision, nothing written.
    for (String id : ids) {
      ServiceInstance other = owners.get(id) == a ? b : a;
      HttpResponse<String> retry = decide(other, id, "decide-" + id);
      assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
      assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      assertThat(retry.headers().firstValue("Location"))
          .isEqualTo(decided.get(id).headers().firstValue("Location"));
      assertThat(JSON.readTree(retry.body())).isEqualTo(JSON.readTree(decided.get(id).body()));
    }

    // A second reviewer's decision on a decided revision is refused, through either instance.
    HttpResponse<String> late =
        send(
            b,
            "POST",
            "/api/v1/reviews/" + ids.get(0) + "/decisions",
            "{\"revision\":1,\"decision\":\"REJECTED\",\"comment\":\"too late\"}",
            undp,
            null);
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(late.body()).path("reason").asString()).isEqualTo("ALREADY_DECIDED");

    // The reviews topic holds exactly one recorded decision per contribution.
    Map<String, Integer> recorded = recordedDecisions(Set.copyOf(ids));
    assertThat(recorded).containsOnlyKeys(ids).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));

    // Both instances list every decided item; the pending queue is empty through both.
    for (ServiceInstance instance : List.of(a, b)) {
      assertThat(instance.get("/actuator/health/readiness", itu).statusCode()).isEqualTo(200);
      assertThat(queue(instance, call, "DECIDED")).isEqualTo(ids);
      assertThat(queue(instance, call, "PENDING")).isEmpty();
      HttpResponse<String> history =
          instance.get("/api/v1/reviews/" + ids.get(1) + "/decisions", itu);
      assertThat(history.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(history.body()).size()).isEqualTo(1);
    }
  }

  @Test
  void aRequestThatReachesAnInstanceNoLongerOwningItsKeyIsRetriedNotAnsweredWrong()
      throws Exception {
    // As if the partition had moved while the request was forwarded: never forwarded again.
    String onB = keyOwnedBy(items(b), b, () -> UUID.randomUUID().toString());
    HttpResponse<String> moved = a.send("GET", "/api/v1/reviews/" + onB, null, itu, FORWARDED);
    assertThat(moved.statusCode()).isEqualTo(503);
    assertThat(moved.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(moved.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(moved.body()).path("type").asString())
        .isEqualTo("https://ungis.org/problems/unavailable");
    // At its owner the same request is an answer: there is no such contribution.
    assertThat(b.send("GET", "/api/v1/reviews/" + onB, null, itu, FORWARDED).statusCode())
        .isEqualTo(404);
    assertThat(a.get("/api/v1/reviews/" + onB, itu).statusCode()).isEqualTo(404);
  }

  @Test
  void aNewCallsBodyIsReadOnlyForAReviewerAndOnlyUpTo64KiB() throws Exception {
    String call =
        "{\"id\":\"call-too-long\",\"title\":\"Too long\",\"description\":\""
            + "x".repeat(70_000)
            + "\",\"deadline\":\"2023-03-01T00:00:00Z\",\"requiredApprovals\":1}";
    // Declared longer than the limit: refused before anything is read.
    HttpResponse<String> declared = send(a, "POST", "/api/v1/processes", call, itu, null);
    // Chunked (no Content-Length): refused once the limit is passed.
    HttpResponse<String> chunked = chunked(a, "/api/v1/processes", call, itu);
    for (HttpResponse<String> refused : List.of(declared, chunked)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(JSON.readTree(refused.body()).path("type").asString())
          .isEqualTo("https://ungis.org/problems/payload-too-large");
    }
    // Not a reviewer: 403 from the controller, the chunked body left unread by the routing (read,
    // it would have been 413).
    HttpResponse<String> intake = chunked(a, "/api/v1/processes", call, auth.intakeToken("ITU"));
    assertThat(intake.statusCode()).as(intake.body()).isEqualTo(403);
  }

  static HttpResponse<String> chunked(
      ServiceInstance through, String path, String body, String token) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + through.host().port() + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> decide(ServiceInstance through, String id, String key)
      throws Exception {
    return send(
        through,
        "POST",
        "/api/v1/reviews/" + id + "/decisions",
        "{\"revision\":1,\"decision\":\"APPROVED\",\"comment\":\"fine\"}",
        itu,
        key);
  }

  static List<String> queue(ServiceInstance instance, String call, String status) throws Exception {
    HttpResponse<String> response =
        instance.get("/api/v1/reviews?process=" + call + "&status=" + status, itu);
    if (response.statusCode() != 200) {
      return List.of("HTTP " + response.statusCode());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(response.body()).path("items")) {
      ids.add(entry.path("contributionId").asString());
    }
    return ids;
  }

  /** A key of a store whose partition {@code owner} holds, as both instances see it. */
  static String keyOwnedBy(PartitionOwners owners, ServiceInstance owner, Supplier<String> keys) {
    for (int i = 0; i < 1_000; i++) {
      String key = keys.get();
      if (owners.ownerOf(key) instanceof PartitionOwners.Local) {
        ServiceInstance other = owner == a ? b : a;
        PartitionOwners otherOwners = owners == items(owner) ? items(other) : calls(other);
        if (otherOwners.ownerOf(key).equals(new PartitionOwners.Remote(owner.host()))) {
          return key;
        }
      }
    }
    throw new AssertionError("no key found on " + owner.host());
  }

  static void produce(ContributionEvent event) {
    TestEvents.produce(BROKER.getBrokersAsString(), registry.url(), event);
  }

  /** How many DecisionRecorded events the reviews topic holds per contribution, read to its end. */
  static Map<String, Integer> recordedDecisions(Set<String> ids) {
    Map<String, Integer> counts = new HashMap<>();
    for (ReviewEvent event :
        TestEvents.consume(
            BROKER.getBrokersAsString(),
            registry.url(),
            Topics.REVIEWS.name(),
            ReviewEvent.class,
            0)) {
      if (ids.contains(event.getContributionId())
          && event.getPayload() instanceof DecisionRecorded) {
        counts.merge(event.getContributionId(), 1, Integer::sum);
      }
    }
    return counts;
  }
}
