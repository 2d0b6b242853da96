package org.ungis.contributions.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.contributions.ContributionsServiceApplication;
import org.ungis.contributions.contribution.Actor;
import org.ungis.contributions.contribution.Call;
import org.ungis.contributions.contribution.Calls;
import org.ungis.contributions.contribution.Content;
import org.ungis.contributions.contribution.ContributionEvents;
import org.ungis.contributions.contribution.ContributionService;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.events.common.ActorRole;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.reference.Roster;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.routing.PartitionOwners;
import org.ungis.routing.testing.ServiceInstance;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the service in one JVM (one Kafka Streams application id, the contributions
 * topic's three partitions split between them), on the same real KRaft broker, schema registry and
 * authorization server: whichever instance a client talks to, every answer is the one the owning
 * instance gives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralInstancesIT {

  static final EmbeddedKafkaKraftBroker BROKER = ServiceInstance.broker();

  static final JsonMapper JSON = new JsonMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String CALL = "wsis-2026";

  static EmbeddedSchemaRegistry registry;
  static EmbeddedAuthServer auth;
  static ServiceInstance a;
  static ServiceInstance b;
  static ServiceInstance c;
  static ServiceInstance d;
  static String itu;
  static String undp;
  static String reviewer;

  static PartitionOwners owners(ServiceInstance instance) {
    return instance.bean(ContributionOwners.class);
  }

  @BeforeAll
  static void start() throws Exception {
    BROKER.afterPropertiesSet();
    registry = EmbeddedSchemaRegistry.start(BROKER.getBrokersAsString());
    auth = EmbeddedAuthServer.start();
    itu = auth.intakeToken("ITU");
    undp = auth.intakeToken("UNDP");
    reviewer = auth.reviewerToken("reviewer-unctad-1");
    a = startInstance();
    b = startInstance();
    // Both hold active partitions of the contributions store, and both know it of each other.
    ServiceInstance.awaitSpread(Duration.ofSeconds(60), SeveralInstancesIT::owners, a, b);
    openCall(CALL);
  }

  /**
   * An instance whose streams stop stays in their group until its session times out (45 s by
   * default; the streams do not leave the group on close): a short session moves its partitions
   * after seconds.
   */
  static ServiceInstance startInstance() throws IOException {
    return ServiceInstance.start(
        ContributionsServiceApplication.class,
        BROKER,
        Map.of(
            "spring.kafka.properties.schema.registry.url",
            registry.url(),
            "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            auth.issuer(),
            "spring.kafka.streams.properties.session.timeout.ms",
            "6000",
            "spring.kafka.streams.properties.heartbeat.interval.ms",
            "2000"));
  }

  @AfterAll
  static void stop() {
    ServiceInstance.closeAll(d, c, b, a, registry, BROKER::destroy, auth);
  }

  @Test
  @Order(1)
  void everyAnswerIsTheSameWhicheverInstanceIsAsked() throws Exception {
    // Keyed submissions whose ids B owns and A owns, all made through A.
    String keyOfB = keyOwnedBy(b);
    String keyOfA = keyOwnedBy(a);
    HttpResponse<String> createdOnB =
        a.send(
            "POST",
            "/api/v1/contributions",
            submission("On B"),
            itu,
            Map.of("Idempotency-Key", keyOfB));
    assertThat(createdOnB.statusCode()).as(createdOnB.body()).isEqualTo(201);
    String idOnB = json(createdOnB).get("id").asString();
    assertThat(idOnB).isEqualTo(IdempotentRequest.contributionIdFor("ITU", keyOfB));
    assertThat(createdOnB.headers().firstValue("Location"))
        .contains("/api/v1/contributions/" + idOnB);
    assertThat(createdOnB.headers().firstValue("ETag")).contains("\"1\"");
    HttpResponse<String> createdOnA =
        a.send(
            "POST",
            "/api/v1/contributions",
            submission("On A"),
            itu,
            Map.of("Idempotency-Key", keyOfA));
    assertThat(createdOnA.statusCode()).as(createdOnA.body()).isEqualTo(201);
    String idOnA = json(createdOnA).get("id").asString();

    // Without a key, each instance gives the contribution an id it owns itself.
    HttpResponse<String> plainThroughB =
        b.send("POST", "/api/v1/contributions", submission("Plain via B"), itu, Map.of());
    assertThat(plainThroughB.statusCode()).as(plainThroughB.body()).isEqualTo(201);
    String plainOnB = json(plainThroughB).get("id").asString();
    assertThat(owners(a).ownerOf(plainOnB)).isEqualTo(new PartitionOwners.Remote(b.host()));
    HttpResponse<String> plainThroughA =
        a.send("POST", "/api/v1/contributions", submission("Plain via A"), itu, Map.of());
    assertThat(plainThroughA.statusCode()).as(plainThroughA.body()).isEqualTo(201);
    String plainOnA = json(plainThroughA).get("id").asString();
    assertThat(owners(a).ownerOf(plainOnA)).isInstanceOf(PartitionOwners.Local.class);

    // Read-your-writes through either instance, right after the 201, and the same answers.
    for (String id : List.of(idOnB, idOnA, plainOnB, plainOnA)) {
      HttpResponse<String> viaA = a.get("/api/v1/contributions/" + id, itu);
      assertThat(viaA.statusCode()).as(viaA.body()).isEqualTo(200);
      assertSameAnswer(viaA, b.get("/api/v1/contributions/" + id, itu));
      assertSameAnswer(
          a.get("/api/v1/contributions/" + id + "/history", reviewer),
          b.get("/api/v1/contributions/" + id + "/history", reviewer));
      assertSameAnswer(
          a.get("/api/v1/contributions/" + id, undp), b.get("/api/v1/contributions/" + id, undp));
    }
    assertThat(json(a.get("/api/v1/contributions/" + idOnB, itu)).get("title").asString())
        .isEqualTo("On B");
    assertThat(a.get("/api/v1/contributions/" + idOnB, undp).statusCode()).isEqualTo(404);
    String unknown = UUID.randomUUID().toString();
    HttpResponse<String> notFound = a.get("/api/v1/contributions/" + unknown, itu);
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertSameAnswer(notFound, b.get("/api/v1/contributions/" + unknown, itu));

    // Revisions through the instance that does not own the contribution, then read through both.
    HttpResponse<String> revisedOnB =
        a.send(
            "PUT",
            "/api/v1/contributions/" + idOnB,
            revision("On B, revised"),
            itu,
            Map.of("If-Match", "\"1\""));
    assertThat(revisedOnB.statusCode()).as(revisedOnB.body()).isEqualTo(200);
    assertThat(revisedOnB.headers().firstValue("ETag")).contains("\"2\"");
    HttpResponse<String> revisedOnA =
        b.send(
            "PUT",
            "/api/v1/contributions/" + idOnA,
            revision("On A, revised"),
            itu,
            Map.of("If-Match", "\"1\""));
    assertThat(revisedOnA.statusCode()).as(revisedOnA.body()).isEqualTo(200);
    HttpResponse<String> stale =
        b.send(
            "PUT",
            "/api/v1/contributions/" + idOnB,
            revision("Late"),
            itu,
            Map.of("If-Match", "\"1\""));
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
    assertThat(json(stale).get("type").asString())
        .isEqualTo("https://ungis.org/problems/stale-revision");
    for (String id : List.of(idOnB, idOnA)) {
      HttpResponse<String> viaB = b.get("/api/v1/contributions/" + id, itu);
      assertThat(json(viaB).get("revision").asInt()).isEqualTo(2);
      assertSameAnswer(a.get("/api/v1/contributions/" + id, itu), viaB);
    }

    // An idempotent retry through the other instance returns the same contribution.
    HttpResponse<String> retriedThroughB =
        b.send(
            "POST",
            "/api/v1/contributions",
            submission("On B"),
            itu,
            Map.of("Idempotency-Key", keyOfB));
    assertThat(retriedThroughB.statusCode()).as(retriedThroughB.body()).isEqualTo(201);
    assertThat(retriedThroughB.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(json(retriedThroughB).get("id").asString()).isEqualTo(idOnB);
    assertSameAnswer(
        retriedThroughB,
        a.send(
            "POST",
            "/api/v1/contributions",
            submission("On B"),
            itu,
            Map.of("Idempotency-Key", keyOfB)));
    HttpResponse<String> reusedKey =
        b.send(
            "POST",
            "/api/v1/contributions",
            submission("Other"),
            itu,
            Map.of("Idempotency-Key", keyOfA));
    assertThat(reusedKey.statusCode()).isEqualTo(422);

    // Withdrawal through the other instance.
    HttpResponse<String> withdrawn =
        a.send(
            "POST",
            "/api/v1/contributions/" + plainOnB + "/withdrawal",
            "{\"reason\":\"merged\"}",
            itu,
            Map.of());
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertSameAnswer(
        a.get("/api/v1/contributions/" + plainOnB, itu),
        b.get("/api/v1/contributions/" + plainOnB, itu));

    // The list is gathered from both instances, in one order, paged the same by both.
    String all = "/api/v1/contributions?process=" + CALL;
    HttpResponse<String> listViaA = a.get(all, reviewer);
    assertThat(listViaA.statusCode()).as(listViaA.body()).isEqualTo(200);
    assertSameAnswer(listViaA, b.get(all, reviewer));
    assertThat(ids(listViaA)).containsExactlyInAnyOrder(idOnB, idOnA, plainOnB, plainOnA);
    assertThat(json(listViaA).get("page").get("totalElements").asLong()).isEqualTo(4);
    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      String path = all + "&size=2&page=" + page;
      HttpResponse<String> viaB = b.get(path, itu);
      assertSameAnswer(a.get(path, itu), viaB);
      paged.addAll(ids(viaB));
      assertThat(json(viaB).get("page").get("totalPages").asInt()).isEqualTo(2);
    }
    assertThat(paged).isEqualTo(ids(listViaA));
    // The latest change first: an agency's list (each instance's index) is gathered in the same
    // order as a reviewer's (each instance's whole store), and paged the same by both instances.
    String newest = all + "&sort=-updatedAt";
    assertThat(ids(a.get(newest, itu))).isEqualTo(ids(b.get(newest, reviewer))).hasSize(4);
    List<String> newestPaged = new ArrayList<>();
    for (int page = 0; page < 2; page++) {
      String path = newest + "&size=2&page=" + page;
      HttpResponse<String> viaA = a.get(path, itu);
      assertSameAnswer(viaA, b.get(path, itu));
      newestPaged.addAll(ids(viaA));
    }
    assertThat(newestPaged).isEqualTo(ids(a.get(newest, reviewer)));
    assertSameAnswer(a.get(all + "&status=WITHDRAWN", itu), b.get(all + "&status=WITHDRAWN", itu));
    assertThat(ids(b.get(all + "&status=WITHDRAWN", itu))).containsExactly(plainOnB);
    // Every filter is applied by each instance to its share; totals count every instance's.
    String plain = all + "&q=plain%20VIA&language=en&sdg=9&actionLine=C7";
    assertSameAnswer(a.get(plain, reviewer), b.get(plain, reviewer));
    assertThat(ids(a.get(plain, reviewer))).containsExactlyInAnyOrder(plainOnA, plainOnB);
    assertThat(json(b.get(plain, reviewer)).get("page").get("totalElements").asLong()).isEqualTo(2);
    String revised = all + "&q=revised&size=1&page=1";
    assertSameAnswer(a.get(revised, reviewer), b.get(revised, reviewer));
    assertThat(json(a.get(revised, reviewer)).get("page").get("totalElements").asLong())
        .isEqualTo(2);
    assertThat(ids(a.get(all + "&sdg=4", reviewer))).isEmpty();
    assertThat(a.get(all + "&size=0", reviewer).statusCode()).isEqualTo(400);
    assertThat(b.get(all + "&sdgs=9", reviewer).statusCode()).isEqualTo(400);
    assertSameAnswer(a.get(all, undp), b.get(all, undp));
    assertThat(ids(a.get(all, undp))).isEmpty();
    assertSameAnswer(a.get(all + "&agency=UNDP", itu), b.get(all + "&agency=UNDP", itu));
    assertThat(a.get(all + "&agency=UNDP", itu).statusCode()).isEqualTo(403);
  }

  @Test
  @Order(2)
  void theInternalShareOfAListIsNoWayAroundTheListRules() throws Exception {
    Map<String, String> instance = Map.of("X-Ungis-Internal", ServiceInstance.INTERNAL_SECRET);
    HttpResponse<String> otherAgency =
        a.send("GET", LocalMatchesEndpoint.PATH + "?agency=ITU&limit=10", null, undp, instance);
    assertThat(otherAgency.statusCode()).isEqualTo(403);
    assertThat(
            a.send("GET", LocalMatchesEndpoint.PATH + "?limit=10", null, undp, instance)
                .statusCode())
        .isEqualTo(403);
    // From outside (no instances' secret) even a reviewer's token is refused.
    assertThat(a.get(LocalMatchesEndpoint.PATH + "?limit=10", reviewer).statusCode())
        .isEqualTo(403);
    HttpResponse<String> noToken =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + a.port() + LocalMatchesEndpoint.PATH + "?limit=1"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(
            a.send("GET", LocalMatchesEndpoint.PATH + "?limit=10", null, reviewer, instance)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(3)
  void whileAThirdInstanceJoinsAnswersAreRightOrRetryableAndThenTheSameEverywhere()
      throws Exception {
    Map<String, String> before = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> created =
          a.send("POST", "/api/v1/contributions", submission("Before " + i), itu, Map.of());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String id = json(created).get("id").asString();
      before.put(id, a.get("/api/v1/contributions/" + id, itu).body());
    }
    String list = "/api/v1/contributions?process=" + CALL + "&size=100";
    String listBefore = a.get(list, reviewer).body();

    c = startInstance();
    // During the rebalance every answer is the right one or a 503 to retry: never a wrong 404.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              for (ServiceInstance instance : List.of(a, b, c)) {
                for (Map.Entry<String, String> known : before.entrySet()) {
                  HttpResponse<String> read =
                      instance.get("/api/v1/contributions/" + known.getKey(), itu);
                  assertRightOrRetryable(read, known.getValue());
                }
                assertRightOrRetryable(instance.get(list, reviewer), listBefore);
              }
              return !owners(c).localPartitions().isEmpty()
                  && c.streams().state() == KafkaStreams.State.RUNNING
                  && owners(a).peers().size() == 2
                  && owners(b).peers().size() == 2
                  && owners(c).peers().size() == 2;
            });

    System.out.printf(
        "while the third instance joined: %d reads, %d answered 503 (retry)%n",
        READS.get(), RETRYABLE.get());
    // Settled: three instances, one partition each, the same answers through each.
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (ServiceInstance instance : List.of(a, b, c)) {
                for (Map.Entry<String, String> known : before.entrySet()) {
                  if (!known
                      .getValue()
                      .equals(
                          instance.get("/api/v1/contributions/" + known.getKey(), itu).body())) {
                    return false;
                  }
                }
                if (!listBefore.equals(instance.get(list, reviewer).body())) {
                  return false;
                }
              }
              return true;
            });
    String first = before.keySet().iterator().next();
    HttpResponse<String> revised =
        c.send(
            "PUT",
            "/api/v1/contributions/" + first,
            revision("Revised through the third"),
            itu,
            Map.of("If-Match", "\"1\""));
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    for (ServiceInstance instance : List.of(a, b, c)) {
      assertSameAnswer(revised, instance.get("/api/v1/contributions/" + first, itu));
    }
  }

  static final java.util.concurrent.atomic.AtomicInteger READS =
      new java.util.concurrent.atomic.AtomicInteger();
  static final java.util.concurrent.atomic.AtomicInteger RETRYABLE =
      new java.util.concurrent.atomic.AtomicInteger();

  @Test
  @Order(4)
  void aFourthInstanceHoldsNoPartitionAndStillAnswersTheSame() throws Exception {
    d = startInstance();
    List<ServiceInstance> all = List.of(a, b, c, d);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                all.stream().allMatch(i -> i.streams().state() == KafkaStreams.State.RUNNING)
                    && all.stream().filter(i -> !owners(i).localPartitions().isEmpty()).count() == 3
                    && all.stream()
                        .allMatch(i -> owners(i).assignedPartitions().equals(Set.of(0, 1, 2))));
    ServiceInstance idle =
        all.stream().filter(i -> owners(i).localPartitions().isEmpty()).findFirst().orElseThrow();

    // The instance without a partition hands an unkeyed submission to one that has one.
    HttpResponse<String> created =
        idle.send(
            "POST", "/api/v1/contributions", submission("Through the idle one"), itu, Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asString();
    HttpResponse<String> read = idle.get("/api/v1/contributions/" + id, itu);
    assertThat(read.body()).isEqualTo(created.body());
    for (ServiceInstance instance : all) {
      assertSameAnswer(read, instance.get("/api/v1/contributions/" + id, itu));
    }
    String list = "/api/v1/contributions?process=" + CALL + "&size=3&page=1";
    HttpResponse<String> page = idle.get(list, reviewer);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    for (ServiceInstance instance : all) {
      assertSameAnswer(page, instance.get(list, reviewer));
    }
  }

  @Test
  @Order(5)
  void aBodyOverTheLimitIs413BeforeItIsForwardedAndTheLongestValidOneGoesThrough()
      throws Exception {
    ServiceInstance owner =
        List.of(b, c, d).stream()
            .filter(i -> !owners(i).localPartitions().isEmpty())
            .findFirst()
            .orElseThrow();
    // The longest valid contribution, in 4-byte characters, through an instance that forwards it.
    String wide = new String(Character.toChars(0x1D4B3));
    List<String> links = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String link = "https://www.itu.int/wsis/" + i + "/";
      links.add(JSON.writeValueAsString(link + "a".repeat(2_048 - link.length())));
    }
    String longest =
        """
        {"processId":"%s","title":"%s","summary":"%s","body":"%s","language":"EN",\
        "actionLines":["C7"],"sdgs":[9],"links":[%s]}"""
            .formatted(
                CALL,
                wide.repeat(300),
                wide.repeat(2_000),
                wide.repeat(50_000),
                String.join(",", links));
    HttpResponse<String> created =
        a.send(
            "POST",
            "/api/v1/contributions",
            longest,
            itu,
            Map.of("Idempotency-Key", keyOwnedBy(owner)));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    // One byte over 1 MiB, declared by Content-Length, and the same sent chunked (no length).
    String tooLong = submission("Too long").replace("The full text.", "x".repeat(1_048_576));
    HttpResponse<String> declared =
        a.send(
            "POST",
            "/api/v1/contributions",
            tooLong,
            itu,
            Map.of("Idempotency-Key", keyOwnedBy(owner)));
    HttpResponse<String> chunked =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + a.host().port() + "/api/v1/contributions"))
                .header("Authorization", "Bearer " + itu)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", keyOwnedBy(owner))
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(tooLong.getBytes(StandardCharsets.UTF_8))))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    for (HttpResponse<String> refused : List.of(declared, chunked)) {
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);
      assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(json(refused).get("type").asString())
          .isEqualTo("https://ungis.org/problems/payload-too-large");
    }
  }

  @Test
  @Order(6)
  void anInstanceThatLostThePartitionAfterReadingItsViewDoesNotPublish() throws Exception {
    // the instances started so far (the test also runs alone, with a and b)
    List<ServiceInstance> running = Stream.of(a, b, c, d).filter(Objects::nonNull).toList();
    ServiceInstance owner =
        running.stream()
            .filter(i -> !owners(i).localPartitions().isEmpty())
            .findFirst()
            .orElseThrow();
    HttpResponse<String> created =
        owner.send("POST", "/api/v1/contributions", submission("Soon moved"), itu, Map.of());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(owners(owner).ownerOf(id)).isInstanceOf(PartitionOwners.Local.class);
    // The submission answers once its event is durable; the revise below reads the owner's view,
    // so let that view show it first (what is tested is the partition moving, not the view's lag).
    ContributionViews ownerViews = owner.bean(ContributionViews.class);
    await("the owner's view shows " + id)
        .atMost(Duration.ofSeconds(30))
        .until(() -> ownerViews.find(id).isPresent());

    // The owner's own beans; its call lookup, between the view read and the publish, is the moment
    // the owner loses the partition (its views stop and leave the group: a rebalance).
    Calls calls = owner.bean(Calls.class);
    ContributionService onOwner =
        new ContributionService(
            owner.bean(Roster.class),
            processId -> {
              Optional<Call> call = calls.find(processId);
              owner.bean(StreamsBuilderFactoryBean.class).stop();
              return call;
            },
            ownerViews,
            owner.bean(ContributionEvents.class),
            Clock.systemUTC(),
            Duration.ofSeconds(10));
    Content.Draft stale =
        new Content.Draft(
            "From a lost view", "", "text", "EN", List.of("C7"), List.of(9), List.of());
    assertThatThrownBy(() -> onOwner.revise(new Actor("ITU", "intake@itu.int"), id, stale, null, 1))
        .isInstanceOfSatisfying(
            RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.UNAVAILABLE));

    // Nothing was written: the new owner accepts a revision of revision 1 (503 while it moves).
    ServiceInstance other = running.stream().filter(i -> i != owner).findFirst().orElseThrow();
    HttpResponse<String> revised =
        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    other.send(
                        "PUT",
                        "/api/v1/contributions/" + id,
                        revision("Through the new owner"),
                        itu,
                        Map.of("If-Match", "\"1\"")),
                r -> {
                  assertThat(r.statusCode()).as(r.body()).isIn(200, 503);
                  return r.statusCode() == 200;
                });
    assertThat(json(revised).get("revision").asInt()).isEqualTo(2);
    assertThat(json(revised).get("title").asString()).isEqualTo("Through the new owner");
  }

  static void assertRightOrRetryable(HttpResponse<String> response, String expectedBody) {
    READS.incrementAndGet();
    if (response.statusCode() == 503) {
      RETRYABLE.incrementAndGet();
      assertThat(response.headers().firstValue("Retry-After")).isPresent();
      assertThat(json(response).get("type").asString())
          .isEqualTo("https://ungis.org/problems/unavailable");
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(expectedBody);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** An Idempotency-Key of ITU whose contribution id the given instance owns. */
  static String keyOwnedBy(ServiceInstance owner) {
    for (int i = 0; ; i++) {
      String key = "itu-key-" + UUID.randomUUID();
      PartitionOwners.Owner found =
          owners(a).ownerOf(IdempotentRequest.contributionIdFor("ITU", key));
      boolean match =
          owner == a
              ? found instanceof PartitionOwners.Local
              : new PartitionOwners.Remote(owner.host()).equals(found);
      if (match) {
        return key;
      }
      assertThat(i).as("no key owned by " + owner.host() + " in 1000 tries").isLessThan(1000);
    }
  }

  /** Status, body and the headers a client reads are those of the owning instance. */
  static void assertSameAnswer(HttpResponse<String> one, HttpResponse<String> other) {
    assertThat(other.statusCode()).as(other.body()).isEqualTo(one.statusCode());
    assertThat(other.body()).isEqualTo(one.body());
    for (String header :
        List.of("Content-Type", "ETag", "Location", "Idempotent-Replayed", "Retry-After")) {
      assertThat(other.headers().allValues(header))
          .as(header)
          .isEqualTo(one.headers().allValues(header));
    }
  }

  static List<String> ids(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return json(page).get("items").valueStream().map(i -> i.get("id").asString()).toList();
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static String submission(String title) {
    return """
        {"processId":"%s","title":"%s","summary":"A short summary","body":"The full text.",\
        "language":"EN","actionLines":["C7"],"sdgs":[9],"links":["https://www.itu.int/wsis"]}"""
        .formatted(CALL, title);
  }

  static String revision(String title) {
    return submission(title).replace("}", ",\"note\":\"as asked\"}");
  }

  static void openCall(String processId) throws Exception {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            BROKER.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    try (var calls =
        new KafkaProducer<>(
            config,
            new StringSerializer(),
            Topics.PROCESSES.valueSerde(registry.clientConfig()).serializer())) {
      calls
          .send(
              new ProducerRecord<>(
                  Topics.PROCESSES.name(),
                  processId,
                  CallForInputsEvent.newBuilder()
                      .setEventId(UUID.randomUUID())
                      .setOccurredAt(Instant.now())
                      .setActor(
                          org.ungis.events.common.Actor.newBuilder()
                              .setAgency("UNDP")
                              .setPrincipal("chair@undp.org")
                              .setRole(ActorRole.CHAIR)
                              .build())
                      .setProcessId(processId)
                      .setChange(CallChange.OPENED)
                      .setTitle("Call " + processId)
                      .setDescription("")
                      .setDeadline(
                          Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS))
                      .setStatus(CallStatus.OPEN)
                      .setExtensions(List.of())
                      .build()))
          .get();
    }
    // Both instances see the call (a global table each) before the test submits to it.
    for (ServiceInstance instance : List.of(a, b)) {
      Calls known = instance.context().getBean(Calls.class);
      await().atMost(Duration.ofSeconds(30)).until(() -> known.find(processId).isPresent());
    }
  }
}
