package org.ungis.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.common.ActorRole;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import org.ungis.testsupport.OpenApiContract;
import org.ungis.testsupport.OpenApiSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real KRaft broker and the real schema registry, driven over HTTP, with the
 * calls for inputs and the review decisions produced as review-service would produce them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ungis.security.internal.secret=" + ContributionsServiceIT.INTERNAL_SECRET)
class ContributionsServiceIT {

  static final String INTERNAL_SECRET = "contributions-it-internal-secret";

  static final EmbeddedKafkaKraftBroker BROKER =
      (EmbeddedKafkaKraftBroker)
          new EmbeddedKafkaKraftBroker(1, 3)
              .brokerProperties(
                  Map.of(
                      "transaction.state.log.replication.factor", "1",
                      "transaction.state.log.min.isr", "1",
                      "offsets.topic.replication.factor", "1",
                      "group.initial.rebalance.delay.ms", "0"));

  static EmbeddedSchemaRegistry registry;

  /** The authorization server's signing key, so tests can mint tokens it would never issue. */
  static final TestTokens SIGNING_KEY = TestTokens.generate();

  /** A key nobody trusts. */
  static final TestTokens OTHER_KEY = TestTokens.generate();

  static EmbeddedAuthServer auth;
  static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
  static KafkaProducer<String, CallForInputsEvent> calls;
  static KafkaProducer<String, ReviewEvent> reviews;

  static final JsonMapper JSON = new JsonMapper();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;

  static synchronized String registryUrl() {
    if (registry == null) {
      BROKER.afterPropertiesSet();
      registry = EmbeddedSchemaRegistry.start(BROKER.getBrokersAsString());
    }
    return registry.url();
  }

  /** The real authorization server, in-process, signing with {@link #SIGNING_KEY}. */
  static synchronized EmbeddedAuthServer auth() {
    if (auth == null) {
      try {
        Path keyFile = SIGNING_KEY.writePrivateKeyPem(Files.createTempDirectory("auth-key"));
        auth = EmbeddedAuthServer.start(Map.of("ungis.auth.signing-key", "file:" + keyFile));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return auth;
  }

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry properties) throws IOException {
    String url = registryUrl();
    String issuer = auth().issuer();
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    properties.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    properties.add("spring.kafka.properties.schema.registry.url", () -> url);
    String stateDir = Files.createTempDirectory("contributions-it").toString();
    properties.add("spring.kafka.streams.state-dir", () -> stateDir);
  }

  @BeforeAll
  static void producers() {
    Map<String, Object> serde = EmbeddedSchemaRegistry.clientConfig(registryUrl());
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            BROKER.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all");
    calls =
        new KafkaProducer<>(
            config, new StringSerializer(), Topics.PROCESSES.valueSerde(serde).serializer());
    reviews =
        new KafkaProducer<>(
            config, new StringSerializer(), Topics.REVIEWS.valueSerde(serde).serializer());
  }

  @AfterAll
  static void closeProducers() {
    calls.close();
    reviews.close();
  }

  /** Stops the registry and the broker when the context closes, after the service has stopped. */
  @TestConfiguration(proxyBeanMethods = false)
  static class StopInfrastructureLast {
    @Bean
    DisposableBean embeddedInfrastructure() {
      return () -> {
        registry.close();
        BROKER.destroy();
        auth.close();
      };
    }
  }

  // ---------------------------------------------------------------- tests

  @Test
  void aContributionGoesFromSubmissionThroughReviewAndRevisionToWithdrawal() throws Exception {
    openCall("gdc-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);

    HttpResponse<String> created = awaitCreated(submission("gdc-2023", "Digital public goods"));
    JsonNode body = json(created);
    String id = body.get("id").asString();
    assertThat(created.headers().firstValue("Location")).contains("/api/v1/contributions/" + id);
    assertThat(body.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(body.get("revision").asInt()).isEqualTo(1);
    assertThat(body.get("agency").asString()).isEqualTo("ITU");

    JsonNode read = json(get("/api/v1/contributions/" + id));
    assertThat(read.get("title").asString()).isEqualTo("Digital public goods");
    assertThat(read.get("sdgs").get(0).asInt()).isEqualTo(9);

    ContributionEvent event = awaitEventOnTopic(id);
    assertThat(event.getPayload()).isInstanceOf(ContributionSubmitted.class);
    assertThat(event.getRevision()).isEqualTo(1);
    assertThat(event.getAgency()).isEqualTo("ITU");
    assertThat(event.getActor().getPrincipal()).isEqualTo("intake@itu.int");

    decide(id, 1, Decision.CHANGES_REQUESTED, "Please add the HLPF reference");
    await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("CHANGES_REQUESTED"));
    JsonNode reviewed = json(get("/api/v1/contributions/" + id));
    assertThat(reviewed.get("decisions").get(0).get("comment").asString())
        .isEqualTo("Please add the HLPF reference");
    assertThat(reviewed.get("decisions").get(0).get("reviewerAgency").asString()).isEqualTo("UNDP");

    HttpResponse<String> revised =
        send(
            "PUT",
            "/api/v1/contributions/" + id,
            submission("gdc-2023", "Revised")
                .replace("}", ",\"note\":\"Adds the HLPF reference\"}"),
            itu(),
            "\"1\"");
    assertThat(revised.statusCode()).isEqualTo(200);
    JsonNode afterRevision = json(revised);
    assertThat(afterRevision.get("revision").asInt()).isEqualTo(2);
    assertThat(afterRevision.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(afterRevision.get("decisions").get(0).get("stale").asBoolean()).isTrue();
    assertThat(json(get("/api/v1/contributions/" + id)).get("title").asString())
        .isEqualTo("Revised");

    HttpResponse<String> staleRevision =
        send("PUT", "/api/v1/contributions/" + id, submission("gdc-2023", "Late"), itu(), "\"1\"");
    assertProblem(staleRevision, 409, "stale-revision");

    HttpResponse<String> notTheOwner =
        send("PUT", "/api/v1/contributions/" + id, submission("gdc-2023", "Mine"), undp(), null);
    assertProblem(notTheOwner, 404, "not-found");
    String unknown = UUID.randomUUID().toString();
    HttpResponse<String> notThere =
        send(
            "PUT",
            "/api/v1/contributions/" + unknown,
            submission("gdc-2023", "Mine"),
            undp(),
            null);
    assertThat(notTheOwner.body().replace(id, unknown))
        .as("another agency's id answers as an unknown one")
        .isEqualTo(notThere.body());
    assertThat(get("/api/v1/contributions/" + id, undp()).body().replace(id, unknown))
        .isEqualTo(get("/api/v1/contributions/" + unknown, undp()).body());

    refuse(id, 2, "RECUSAL", "ITU may not decide on a contribution of its own agency");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> json(get("/api/v1/contributions/" + id + "/history")).get("entries").size() == 4);

    HttpResponse<String> withdrawn =
        send(
            "POST",
            "/api/v1/contributions/" + id + "/withdrawal",
            "{\"reason\":\"merged into the joint input\"}",
            itu(),
            null);
    assertThat(withdrawn.statusCode()).isEqualTo(200);
    assertThat(json(get("/api/v1/contributions/" + id)).get("status").asString())
        .isEqualTo("WITHDRAWN");
    assertThat(json(get("/api/v1/contributions/" + id)).get("withdrawalReason").asString())
        .isEqualTo("merged into the joint input");
    assertProblem(
        send(
            "POST",
            "/api/v1/contributions/" + id + "/withdrawal",
            "{\"reason\":\"again\"}",
            itu(),
            null),
        409,
        "conflict");

    HttpResponse<String> trail = get("/api/v1/contributions/" + id + "/history");
    assertThat(trail.statusCode()).isEqualTo(200);
    JsonNode history = json(trail);
    assertThat(history.get("contributionId").asString()).isEqualTo(id);
    assertThat(history.get("entries").valueStream().map(e -> e.get("type").asString()))
        .containsExactly(
            "SUBMITTED", "DECISION_RECORDED", "REVISED", "DECISION_REFUSED", "WITHDRAWN");
    JsonNode submittedEntry = history.get("entries").get(0);
    assertThat(submittedEntry.get("actor").get("agency").asString()).isEqualTo("ITU");
    assertThat(submittedEntry.get("actor").get("principal").asString()).isEqualTo("intake@itu.int");
    assertThat(submittedEntry.get("actor").get("role").asString()).isEqualTo("AGENCY");
    assertThat(submittedEntry.get("eventId").asString()).isEqualTo(event.getEventId().toString());
    assertThat(submittedEntry.has("at")).isTrue();
    JsonNode decisionEntry = history.get("entries").get(1);
    assertThat(decisionEntry.get("actor").get("agency").asString()).isEqualTo("UNDP");
    assertThat(decisionEntry.get("actor").get("role").asString()).isEqualTo("CHAIR");
    assertThat(decisionEntry.get("decision").asString()).isEqualTo("CHANGES_REQUESTED");
    assertThat(decisionEntry.get("outcome").asString()).isEqualTo("CHANGES_REQUESTED");
    assertThat(decisionEntry.get("comment").asString()).isEqualTo("Please add the HLPF reference");
    assertThat(decisionEntry.get("revision").asInt()).isEqualTo(1);
    assertThat(decisionEntry.get("stale").asBoolean()).isTrue();
    assertThat(history.get("entries").get(2).get("revision").asInt()).isEqualTo(2);
    assertThat(history.get("entries").get(2).get("note").asString())
        .isEqualTo("Adds the HLPF reference");
    JsonNode refusedEntry = history.get("entries").get(3);
    assertThat(refusedEntry.get("reason").asString()).isEqualTo("RECUSAL");
    assertThat(refusedEntry.get("message").asString())
        .isEqualTo("ITU may not decide on a contribution of its own agency");
    assertThat(refusedEntry.get("decision").asString()).isEqualTo("APPROVED");
    assertThat(refusedEntry.get("actor").get("principal").asString())
        .isEqualTo("reviewer-1@itu.int");
    assertThat(refusedEntry.get("actor").get("role").asString()).isEqualTo("VICE_CHAIR");
    assertThat(history.get("entries").get(4).get("reason").asString())
        .isEqualTo("merged into the joint input");
    assertThat(json(get("/api/v1/contributions/" + id + "/history", reviewer())).get("entries"))
        .hasSize(5);
    assertProblem(get("/api/v1/contributions/" + id + "/history", undp()), 404, "not-found");

    JsonNode page = json(get("/api/v1/contributions?agency=ITU&process=gdc-2023&status=WITHDRAWN"));
    assertThat(page.get("items").valueStream().map(i -> i.get("id").asString())).contains(id);
    assertThat(page.get("page").get("totalElements").asLong()).isPositive();
  }

  @Test
  void withOneInstanceABodyOverTheLimitIs413BeforeItIsReadAndLongFreeTextIs400() throws Exception {
    String huge =
        """
        {"processId":"limits-2023","title":"t","body":"%s"}"""
            .formatted("x".repeat(1_500_000));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contributions"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + itu())
            // The client sends the body only once the server starts reading it.
            .expectContinue(true)
            .POST(HttpRequest.BodyPublishers.ofString(huge))
            .build();
    assertProblem(
        HTTP.send(request, HttpResponse.BodyHandlers.ofString()), 413, "payload-too-large");

    openCall("limits-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String id = json(awaitCreated(submission("limits-2023", "Limits"))).get("id").asString();
    String longNote =
        submission("limits-2023", "Limits")
            .replace("{", "{\"note\":\"" + "n".repeat(150_000) + "\",");
    assertProblem(
        send("PUT", "/api/v1/contributions/" + id, longNote, itu(), null),
        400,
        "validation",
        "note");
  }

  @Test
  void theInternalEndpointAnswersOnlyPlatformInstancesAndABadParameterIs400() throws Exception {
    String share = "/internal/v1/contributions/local-matches?limit=10";
    assertProblem(get(share, reviewer()), 403, "forbidden");
    Map<String, String> internal = Map.of("X-Ungis-Internal", INTERNAL_SECRET);
    assertProblem(
        send("GET", share, "", reviewer(), Map.of("X-Ungis-Internal", "guess"), null),
        403,
        "forbidden");
    assertThat(send("GET", share, "", reviewer(), internal, null).statusCode()).isEqualTo(200);
    assertProblem(
        send("GET", share + "&status=bogus", "", reviewer(), internal, null), 400, "validation");
  }

  @Test
  void badRequestsAreProblemDetailsNamingTheField() throws Exception {
    openCall("hlpf-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    openCall("ecosoc-pf-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.CLOSED);
    openCall("ldc5-2023", Instant.now().minus(1, ChronoUnit.DAYS), CallStatus.OPEN);
    awaitCreated(submission("hlpf-2023", "Ready"));

    assertProblem(
        send("POST", "/api/v1/contributions", submission("hlpf-2023", "x"), agency("ACME"), null),
        403,
        "unknown-agency");
    assertProblem(
        send("POST", "/api/v1/contributions", submission("hlpf-2023", "x"), null, null),
        401,
        "unauthorized");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> postStatus(submission("ecosoc-pf-2023", "x")) == 409);
    assertProblem(post(submission("ecosoc-pf-2023", "x")), 409, "call-closed", "processId");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> postStatus(submission("ldc5-2023", "x")) == 422);
    assertProblem(post(submission("ldc5-2023", "x")), 422, "deadline-passed", "processId");
    openCall(
        "ldc5-2023",
        Instant.now().minus(1, ChronoUnit.DAYS),
        CallStatus.OPEN,
        List.of(
            DeadlineExtension.newBuilder()
                .setAgency("ITU")
                .setDeadline(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS))
                .setReason("field consultations")
                .build()));
    assertThat(
            json(awaitCreated(submission("ldc5-2023", "With extension"))).get("status").asString())
        .isEqualTo("SUBMITTED");
    assertProblem(
        send("POST", "/api/v1/contributions", submission("ldc5-2023", "x"), undp(), null),
        422,
        "deadline-passed");
    assertProblem(post(submission("no-such-call", "x")), 422, "unknown-process", "processId");
    assertProblem(
        post(submission("hlpf-2023", "x").replace("\"sdgs\":[9]", "\"sdgs\":[18]")),
        400,
        "validation",
        "sdgs[0]");
    assertProblem(
        post(submission("hlpf-2023", "x").replace("\"title\":\"x\",", "")),
        400,
        "validation",
        "title");
    assertProblem(
        post(submission("hlpf-2023", "x").replace("\"C7\"", "\"C12\"")),
        400,
        "validation",
        "actionLines[0]");
    assertProblem(
        post(submission("hlpf-2023", "x").replace("\"sdgs\":[9]", "\"sdgs\":[\"nine\"]")),
        400,
        "validation",
        "sdgs[0]");
    assertProblem(get("/api/v1/contributions/" + UUID.randomUUID()), 404, "not-found");
  }

  @Test
  void decisionsOnTheTopicBeforeTheContributionOrRevisionTheyAreAboutAreAppliedWhenItArrives()
      throws Exception {
    openCall("gdc-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    // A keyed submission's id is known before it is made: decide on it first.
    String key = UUID.randomUUID().toString();
    String id =
        org.ungis.contributions.contribution.IdempotentRequest.contributionIdFor("ITU", key);
    decide(id, 1, Decision.APPROVED, "Read before the submission");
    String body = submission("gdc-2023", "Decided early");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                send(
                            "POST",
                            "/api/v1/contributions",
                            body,
                            itu(),
                            Map.of("Idempotency-Key", key),
                            null)
                        .statusCode()
                    == 201);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(id).equals("APPROVED"));

    String other = json(awaitCreated(submission("gdc-2023", "Revised early"))).get("id").asString();
    decide(other, 1, Decision.CHANGES_REQUESTED, "Please add the HLPF reference");
    await().atMost(Duration.ofSeconds(20)).until(() -> status(other).equals("CHANGES_REQUESTED"));
    decide(other, 2, Decision.APPROVED, "Read before revision 2");
    assertThat(
            send(
                    "PUT",
                    "/api/v1/contributions/" + other,
                    submission("gdc-2023", "Second"),
                    itu(),
                    "\"1\"")
                .statusCode())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(() -> status(other).equals("APPROVED"));
    JsonNode approved = json(get("/api/v1/contributions/" + other));
    assertThat(approved.get("revision").asInt()).isEqualTo(2);
    assertThat(approved.get("decisions").size()).isEqualTo(2);
  }

  @Test
  void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesNothingNew() throws Exception {
    openCall("wsis-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String key = UUID.randomUUID().toString();
    String unesco = intake("UNESCO");
    Map<String, String> headers = Map.of("Idempotency-Key", key);
    String body = submission("wsis-2023", "Once only");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                send("POST", "/api/v1/contributions", body, unesco, headers, null).statusCode()
                    == 201);

    HttpResponse<String> retried =
        send("POST", "/api/v1/contributions", body, unesco, headers, null);
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
    String id = json(retried).get("id").asString();
    JsonNode mine = json(get("/api/v1/contributions?agency=UNESCO&process=wsis-2023", unesco));
    assertThat(mine.get("page").get("totalElements").asLong()).isEqualTo(1);
    assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(id);

    assertProblem(
        send(
            "POST",
            "/api/v1/contributions",
            submission("wsis-2023", "Other"),
            unesco,
            headers,
            null),
        422,
        "idempotency-key-reused",
        "Idempotency-Key");
  }

  @Test
  void ofTwoConcurrentRevisionsOfOneRevisionExactlyOneWins() throws Exception {
    openCall("igf-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String id = json(awaitCreated(submission("igf-2023", "Base"))).get("id").asString();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (String title : List.of("Left", "Right")) {
        Callable<HttpResponse<String>> put =
            () ->
                send(
                    "PUT",
                    "/api/v1/contributions/" + id,
                    submission("igf-2023", title),
                    itu(),
                    "\"1\"");
        answers.add(pool.submit(put));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        statuses.add(answer.get().statusCode());
      }
      assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    } finally {
      pool.shutdownNow();
    }
    assertThat(json(get("/api/v1/contributions/" + id)).get("revision").asInt()).isEqualTo(2);
  }

  @Test
  void undecodableInputRecordsGoToTheirDeadLetterTopicsAndTheServiceGoesOn() throws Exception {
    byte[] garbage = ("garbage-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    try (var raw =
        new KafkaProducer<String, byte[]>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.REVIEWS.name(), "poison", garbage)).get();
      raw.send(new ProducerRecord<>(Topics.PROCESSES.name(), "poison", garbage)).get();
    }

    awaitRecord(Topics.REVIEWS.deadLetterTopic(), r -> java.util.Arrays.equals(r.value(), garbage));
    awaitRecord(
        Topics.PROCESSES.deadLetterTopic(), r -> java.util.Arrays.equals(r.value(), garbage));

    openCall("wsis-forum-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    awaitCreated(submission("wsis-forum-2023", "Still working"));
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void prometheusCountsSubmissionsAndShowsTheStreamsConsumerLag() throws Exception {
    openCall("metrics-2026", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    awaitCreated(submission("metrics-2026", "Counted"));

    assertProblem(get("/actuator/prometheus", null), 401, "unauthorized");
    assertProblem(get("/actuator/prometheus", itu()), 403, "forbidden");
    String operations =
        SIGNING_KEY.token(
            auth().issuer(), "ITU", claims -> claims.claim("scope", "operations.read"));
    HttpResponse<String> scrape = get("/actuator/prometheus", operations);

    assertThat(scrape.statusCode()).isEqualTo(200);
    List<String> lines = scrape.body().lines().toList();
    assertThat(lines)
        .filteredOn(l -> l.contains("agency=") || l.contains("metrics-2026"))
        .as("no metric says who submitted to what")
        .isEmpty();
    assertThat(lines)
        .filteredOn(l -> l.startsWith("ungis_contributions_submitted_total"))
        .singleElement()
        .satisfies(
            l ->
                assertThat(Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .isGreaterThanOrEqualTo(1.0));
    assertThat(lines).anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{"));
  }

  @Test
  void theApiAndItsLimitsAreDescribedInOpenApi() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode api = json(docs);
    assertThat(api.get("paths").has("/api/v1/contributions/{id}/withdrawal")).isTrue();
    assertThat(api.get("paths").has("/api/v1/contributions/{id}/history")).isTrue();
    assertThat(api.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
        .isEqualTo("bearer");
    JsonNode request = api.get("components").get("schemas").get("ContributionRequest");
    assertThat(request.get("properties").get("body").get("maxLength").asInt()).isEqualTo(50_000);
    assertThat(request.get("properties").get("title").get("maxLength").asInt()).isEqualTo(300);
  }

  @Test
  void theServedOpenApiDescriptionIsTheCommittedOne() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    OpenApiSnapshot.assertMatchesCommitted(
        "contributions-service", ContributionsServiceIT.class, docs.body());
  }

  // ---------------------------------------------------------------- who may do what

  /** Who calls. */
  enum Who {
    /** ITU's intake client: ITU owns every contribution of the access table. */
    OWNER_AGENCY,
    /** UNDP's intake client. */
    OTHER_AGENCY,
    /** UNCTAD's reviewer 1 (role REVIEWER). */
    REVIEWER,
    /** A token of the trusted issuer for ITU without any role. */
    NO_ROLE,
    /** ITU's intake token narrowed to the scope {@code contributions.read}. */
    OWNER_READ_ONLY,
    /** UNESCAP's reviewer 1: UNESCAP vice-chaired 2023-2024 and is off the rota of 2025-2026. */
    PAST_REVIEWER
  }

  String token(Who who) {
    return switch (who) {
      case OWNER_AGENCY -> itu();
      case OTHER_AGENCY -> undp();
      case REVIEWER -> reviewer();
      case NO_ROLE ->
          SIGNING_KEY.token(auth().issuer(), "ITU", claims -> claims.claim("roles", List.of()));
      case PAST_REVIEWER ->
          TOKENS.computeIfAbsent("reviewer-unescap-1", k -> auth().reviewerToken(k));
      case OWNER_READ_ONLY ->
          SIGNING_KEY.token(
              auth().issuer(), "ITU", claims -> claims.claim("scope", "contributions.read"));
    };
  }

  /** One row of the access table: {@code {id}} is a fresh contribution of ITU. */
  record Access(String method, String path, String body, Who who, int status) {
    @Override
    public String toString() {
      return method + " " + path + " as " + who + " -> " + status;
    }
  }

  static Stream<Access> accessTable() {
    String content = submission("access-2023", "Access");
    String revision = submission("access-2023", "Access revised");
    String withdrawal = "{\"reason\":\"no longer needed\"}";
    String one = "/api/v1/contributions/{id}";
    String list = "/api/v1/contributions?process=access-2023";
    return Stream.of(
        new Access("POST", "/api/v1/contributions", content, Who.OWNER_AGENCY, 201),
        new Access("POST", "/api/v1/contributions", content, Who.REVIEWER, 403),
        new Access("POST", "/api/v1/contributions", content, Who.NO_ROLE, 403),
        new Access("POST", "/api/v1/contributions", content, Who.OWNER_READ_ONLY, 403),
        new Access("PUT", one, revision, Who.OWNER_READ_ONLY, 403),
        new Access("POST", one + "/withdrawal", withdrawal, Who.OWNER_READ_ONLY, 403),
        new Access("GET", one, null, Who.OWNER_READ_ONLY, 200),
        new Access("GET", one, null, Who.PAST_REVIEWER, 404),
        new Access("GET", one + "/history", null, Who.PAST_REVIEWER, 404),
        new Access(
            "GET", "/api/v1/contributions?process=access-2023", null, Who.PAST_REVIEWER, 403),
        new Access("PUT", one, revision, Who.OWNER_AGENCY, 200),
        new Access("PUT", one, revision, Who.OTHER_AGENCY, 404),
        new Access("PUT", one, revision, Who.REVIEWER, 403),
        new Access("PUT", one, revision, Who.NO_ROLE, 403),
        new Access("POST", one + "/withdrawal", withdrawal, Who.OWNER_AGENCY, 200),
        new Access("POST", one + "/withdrawal", withdrawal, Who.OTHER_AGENCY, 404),
        new Access("POST", one + "/withdrawal", withdrawal, Who.REVIEWER, 403),
        new Access("POST", one + "/withdrawal", withdrawal, Who.NO_ROLE, 403),
        new Access("GET", one, null, Who.OWNER_AGENCY, 200),
        new Access("GET", one, null, Who.REVIEWER, 200),
        new Access("GET", one, null, Who.OTHER_AGENCY, 404),
        new Access("GET", one, null, Who.NO_ROLE, 404),
        new Access("GET", one + "/history", null, Who.OWNER_AGENCY, 200),
        new Access("GET", one + "/history", null, Who.REVIEWER, 200),
        new Access("GET", one + "/history", null, Who.OTHER_AGENCY, 404),
        new Access("GET", one + "/history", null, Who.NO_ROLE, 404),
        new Access("GET", list, null, Who.OWNER_AGENCY, 200),
        new Access("GET", list, null, Who.OTHER_AGENCY, 200),
        new Access("GET", list, null, Who.REVIEWER, 200),
        new Access("GET", list, null, Who.NO_ROLE, 403),
        new Access("GET", list + "&agency=ITU", null, Who.OWNER_AGENCY, 200),
        new Access("GET", list + "&agency=ITU", null, Who.OTHER_AGENCY, 403),
        new Access("GET", list + "&agency=ITU", null, Who.REVIEWER, 200));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accessTable")
  void eachEndpointServesTheRolesThatMayActAndRefusesEveryOther(Access access) throws Exception {
    openCall("access-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String id = json(awaitCreated(submission("access-2023", "Owned by ITU"))).get("id").asString();
    String path = access.path().replace("{id}", id);
    String token = token(access.who());

    HttpResponse<String> response =
        access.body() == null
            ? get(path, token)
            : send(access.method(), path, access.body(), token, null);

    if (access.status() == 403) {
      assertProblem(response, 403, "forbidden");
      if (!access.method().equals("GET")) {
        assertThat(json(get("/api/v1/contributions/" + id)).get("revision").asInt()).isEqualTo(1);
        assertThat(status(id)).isEqualTo("SUBMITTED");
      }
    } else {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(access.status());
    }
  }

  @Test
  void anAgencyListsOnlyItsOwnContributionsAndReviewersListEveryone() throws Exception {
    openCall("list-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String ituId = json(awaitCreated(submission("list-2023", "ITU's"))).get("id").asString();
    String undpId =
        json(send("POST", "/api/v1/contributions", submission("list-2023", "UNDP's"), undp(), null))
            .get("id")
            .asString();

    assertThat(ids(get("/api/v1/contributions?process=list-2023", itu()))).containsExactly(ituId);
    assertThat(ids(get("/api/v1/contributions?process=list-2023", undp()))).containsExactly(undpId);
    assertThat(ids(get("/api/v1/contributions?process=list-2023", reviewer())))
        .containsExactlyInAnyOrder(ituId, undpId);
    assertThat(ids(get("/api/v1/contributions?process=list-2023&agency=UNDP", reviewer())))
        .containsExactly(undpId);
    assertProblem(
        get("/api/v1/contributions?process=list-2023&agency=undp", itu()),
        403,
        "forbidden",
        "agency");
  }

  @Test
  void everyDocumentedFilterOfTheListWorksAndAnythingElseIsABadRequest() throws Exception {
    openCall("filters-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String english =
        json(awaitCreated(submission("filters-2023", "Meaningful connectivity")))
            .get("id")
            .asString();
    String french =
        json(awaitCreated(
                submission("filters-2023", "Inclusion numerique")
                    .replace("\"EN\"", "\"FR\"")
                    .replace("[\"C7\"]", "[\"C4\"]")
                    .replace("\"sdgs\":[9]", "\"sdgs\":[4]")
                    .replace("A short summary", "Skills for everyone")))
            .get("id")
            .asString();
    String list = "/api/v1/contributions?process=filters-2023";

    assertThat(ids(get(list, reviewer()))).containsExactly(english, french);
    assertThat(ids(get(list + "&language=FR", reviewer()))).containsExactly(french);
    assertThat(ids(get(list + "&language=fr", reviewer()))).containsExactly(french);
    assertThat(ids(get(list + "&sdg=9", reviewer()))).containsExactly(english);
    assertThat(ids(get(list + "&actionLine=C4", reviewer()))).containsExactly(french);
    assertThat(ids(get(list + "&q=CONNECTIVITY", reviewer()))).containsExactly(english);
    assertThat(ids(get(list + "&q=skills%20for", reviewer()))).containsExactly(french);
    assertThat(ids(get(list + "&status=SUBMITTED&agency=UNDP&sdg=4", reviewer()))).isEmpty();
    JsonNode second = json(get(list + "&size=1&page=1", reviewer()));
    assertThat(second.get("items").get(0).get("id").asString()).isEqualTo(french);
    assertThat(second.get("page").get("totalElements").asLong()).isEqualTo(2);
    assertThat(second.get("page").get("totalPages").asInt()).isEqualTo(2);

    assertProblem(get(list + "&sdgs=9", reviewer()), 400, "unknown-parameter", "sdgs");
    assertProblem(get(list + "&status=bogus", reviewer()), 400, "invalid-parameter", "status");
    assertProblem(get(list + "&size=0", reviewer()), 400, "invalid-parameter", "size");
    assertProblem(get(list + "&size=101", reviewer()), 400, "invalid-parameter", "size");
    assertProblem(get(list + "&page=-1", reviewer()), 400, "invalid-parameter", "page");
    assertProblem(get(list + "&page=x", reviewer()), 400, "invalid-parameter", "page");
    assertProblem(get(list + "&sdg=18", reviewer()), 400, "invalid-parameter", "sdg");
    assertProblem(get(list + "&language=DE", reviewer()), 400, "invalid-parameter", "language");
    assertProblem(
        get(list + "&actionLine=C12", reviewer()), 400, "invalid-parameter", "actionLine");
    assertProblem(get(list + "&sdg=9&sdg=4", reviewer()), 400, "invalid-parameter", "sdg");
    assertProblem(
        get("/api/v1/contributions/" + english + "?verbose=true", reviewer()),
        400,
        "unknown-parameter",
        "verbose");
  }

  @Test
  void theListGivesTheLatestChangeFirstOnRequestAndPagesItTheSameWay() throws Exception {
    openCall("order-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String first = json(awaitCreated(submission("order-2023", "First"))).get("id").asString();
    String second = json(awaitCreated(submission("order-2023", "Second"))).get("id").asString();
    String third = json(awaitCreated(submission("order-2023", "Third"))).get("id").asString();
    String undpId =
        json(send(
                "POST", "/api/v1/contributions", submission("order-2023", "UNDP's"), undp(), null))
            .get("id")
            .asString();
    HttpResponse<String> revised =
        send(
            "PUT",
            "/api/v1/contributions/" + first,
            submission("order-2023", "First, revised"),
            itu(),
            "\"1\"");
    assertThat(revised.statusCode()).as(revised.body()).isEqualTo(200);
    String list = "/api/v1/contributions?process=order-2023";

    // an agency's list (the index) and a reviewer's (every contribution tested) in both orders
    assertThat(ids(get(list, itu()))).containsExactly(first, second, third);
    assertThat(ids(get(list + "&sort=submittedAt", itu()))).containsExactly(first, second, third);
    assertThat(ids(get(list + "&sort=-updatedAt", itu()))).containsExactly(first, third, second);
    assertThat(ids(get(list + "&sort=-UPDATEDAT", itu()))).containsExactly(first, third, second);
    assertThat(ids(get(list + "&sort=-updatedAt", reviewer())))
        .containsExactly(first, undpId, third, second);
    assertThat(ids(get(list + "&sort=-updatedAt&agency=ITU&q=revised", reviewer())))
        .containsExactly(first);
    assertThat(ids(get("/api/v1/contributions?sort=-updatedAt&size=1", itu())))
        .containsExactly(first);
    JsonNode secondPage = json(get(list + "&sort=-updatedAt&size=1&page=1", itu()));
    assertThat(secondPage.get("items").get(0).get("id").asString()).isEqualTo(third);
    assertThat(secondPage.get("page").get("totalElements").asLong()).isEqualTo(3);
    assertThat(secondPage.get("page").get("totalPages").asInt()).isEqualTo(3);
    assertThat(json(get(list + "&sort=-updatedAt&size=2&page=5", itu())).get("items")).isEmpty();

    assertProblem(get(list + "&sort=bogus", itu()), 400, "invalid-parameter", "sort");
    assertProblem(get(list + "&sort=updatedAt", itu()), 400, "invalid-parameter", "sort");
  }

  @Test
  void theActingAgencyComesFromTheTokenNeverFromAHeaderOrTheBody() throws Exception {
    openCall("token-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    awaitCreated(submission("token-2023", "Ready"));
    Map<String, String> spoofed =
        Map.of("X-Ungis-Agency", "UNDP", "X-Ungis-Principal", "mallory@undp.org");
    String namingUndp = submission("token-2023", "Mine").replace("{", "{\"agency\":\"UNDP\",");

    HttpResponse<String> created =
        send("POST", "/api/v1/contributions", namingUndp, itu(), spoofed, null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(json(created).get("agency").asString()).isEqualTo("ITU");
    JsonNode submitted =
        json(get("/api/v1/contributions/" + id + "/history")).get("entries").get(0).get("actor");
    assertThat(submitted.get("agency").asString()).isEqualTo("ITU");
    assertThat(submitted.get("principal").asString()).isEqualTo("intake@itu.int");
    assertProblem(get("/api/v1/contributions/" + id, undp()), 404, "not-found");
    assertProblem(
        send("POST", "/api/v1/contributions", namingUndp, null, spoofed, null),
        401,
        "unauthorized");
  }

  @Test
  void aPersonSignedInThroughThePortalActsForTheirAgencyAndTheHistoryNamesThem() throws Exception {
    openCall("people-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    awaitCreated(submission("people-2023", "Ready"));
    String lea = auth().personToken("lea.moreau@itu.int");

    HttpResponse<String> created =
        send("POST", "/api/v1/contributions", submission("people-2023", "Léa's input"), lea, null);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json(created).get("id").asString();
    assertThat(json(created).get("agency").asString()).isEqualTo("ITU");
    JsonNode submitted =
        json(get("/api/v1/contributions/" + id + "/history", lea))
            .get("entries")
            .get(0)
            .get("actor");
    assertThat(submitted.get("agency").asString()).isEqualTo("ITU");
    assertThat(submitted.get("principal").asString()).isEqualTo("lea.moreau@itu.int");
    assertProblem(
        get("/api/v1/contributions/" + id, auth().personToken("sarah.mitchell@undp.org")),
        404,
        "not-found");
  }

  static Stream<String> untrustedTokens() {
    return Stream.of("none", "expired", "other key", "wrong audience", "other issuer", "garbage");
  }

  String untrusted(String kind) {
    String issuer = auth().issuer();
    Instant past = Instant.now().minus(20, ChronoUnit.MINUTES);
    return switch (kind) {
      case "none" -> null;
      case "expired" ->
          SIGNING_KEY.token(
              issuer,
              "ITU",
              claims ->
                  claims
                      .issueTime(Date.from(past))
                      .notBeforeTime(Date.from(past))
                      .expirationTime(Date.from(past.plus(10, ChronoUnit.MINUTES))));
      case "other key" -> OTHER_KEY.token(issuer, "ITU", claims -> {});
      case "wrong audience" ->
          SIGNING_KEY.token(issuer, "ITU", claims -> claims.audience("another-platform"));
      case "other issuer" -> SIGNING_KEY.token("https://login.example.org", "ITU", claims -> {});
      case "garbage" -> "not-a-jwt";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest(name = "{0} token -> 401")
  @MethodSource("untrustedTokens")
  void aMissingExpiredForgedOrForeignTokenIsUnauthorized(String kind) throws Exception {
    String token = untrusted(kind);

    for (HttpResponse<String> response :
        List.of(
            get("/api/v1/contributions", token),
            get("/api/v1/contributions/" + UUID.randomUUID() + "/history", token),
            send("POST", "/api/v1/contributions", submission("gdc-2023", "x"), token, null))) {
      assertProblem(response, 401, "unauthorized");
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }
  }

  static List<String> ids(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return json(page).get("items").valueStream().map(i -> i.get("id").asString()).toList();
  }

  // ---------------------------------------------------------------- helpers

  static String submission(String processId, String title) {
    return """
        {"processId":"%s","title":"%s","summary":"A short summary","body":"The full text.",\
        "language":"EN","actionLines":["C7"],"sdgs":[9],"links":["https://www.itu.int/wsis"]}"""
        .formatted(processId, title);
  }

  /** A real token of the agency's intake client, from the authorization server (cached). */
  static String intake(String agency) {
    return TOKENS.computeIfAbsent("intake/" + agency, k -> auth().intakeToken(agency));
  }

  /** A real token of UNCTAD's reviewer 1 (role REVIEWER). */
  static String reviewer() {
    return TOKENS.computeIfAbsent("reviewer-unctad-1", k -> auth().reviewerToken(k));
  }

  /** A token signed by the authorization server's key for an agency that is not on the roster. */
  static String agency(String code) {
    return SIGNING_KEY.token(auth().issuer(), code, claims -> {});
  }

  static String itu() {
    return intake("ITU");
  }

  static String undp() {
    return intake("UNDP");
  }

  static void openCall(String processId, Instant deadline, CallStatus status) throws Exception {
    openCall(processId, deadline, status, List.of());
  }

  static void openCall(
      String processId, Instant deadline, CallStatus status, List<DeadlineExtension> extensions)
      throws Exception {
    calls
        .send(
            new ProducerRecord<>(
                Topics.PROCESSES.name(),
                processId,
                CallForInputsEvent.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now())
                    .setActor(actor("UNDP", "chair@undp.org", ActorRole.CHAIR))
                    .setProcessId(processId)
                    .setChange(status == CallStatus.OPEN ? CallChange.OPENED : CallChange.CLOSED)
                    .setTitle("Call " + processId)
                    .setDescription("")
                    .setDeadline(deadline.truncatedTo(ChronoUnit.MILLIS))
                    .setStatus(status)
                    .setExtensions(extensions)
                    .build()))
        .get();
  }

  static void decide(String id, int revision, Decision decision, String comment) throws Exception {
    reviews
        .send(
            new ProducerRecord<>(
                Topics.REVIEWS.name(),
                id,
                ReviewEvent.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now())
                    .setActor(actor("UNDP", "chair@undp.org", ActorRole.CHAIR))
                    .setContributionId(id)
                    .setProcessId("gdc-2023")
                    .setAgency("ITU")
                    .setRevision(revision)
                    .setPayload(
                        DecisionRecorded.newBuilder()
                            .setDecision(decision)
                            .setComment(comment)
                            .setOutcome(decision)
                            .build())
                    .build()))
        .get();
  }

  static void refuse(String id, int revision, String reason, String message) throws Exception {
    reviews
        .send(
            new ProducerRecord<>(
                Topics.REVIEWS.name(),
                id,
                ReviewEvent.newBuilder()
                    .setEventId(UUID.randomUUID())
                    .setOccurredAt(Instant.now())
                    .setActor(actor("ITU", "reviewer-1@itu.int", ActorRole.VICE_CHAIR))
                    .setContributionId(id)
                    .setProcessId("gdc-2023")
                    .setAgency("ITU")
                    .setRevision(revision)
                    .setPayload(
                        DecisionRefused.newBuilder()
                            .setAttempted(Decision.APPROVED)
                            .setReason(reason)
                            .setMessage(message)
                            .build())
                    .build()))
        .get();
  }

  static org.ungis.events.common.Actor actor(String agency, String principal, ActorRole role) {
    return org.ungis.events.common.Actor.newBuilder()
        .setAgency(agency)
        .setPrincipal(principal)
        .setRole(role)
        .build();
  }

  ContributionEvent awaitEventOnTopic(String id) {
    Map<String, Object> serde = EmbeddedSchemaRegistry.clientConfig(registryUrl());
    try (var consumer =
        new KafkaConsumer<>(
            consumerConfig(),
            new StringDeserializer(),
            Topics.CONTRIBUTIONS.valueSerde(serde).deserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer
          .partitionsFor(Topics.CONTRIBUTIONS.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ContributionEvent> found = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (id.equals(r.key())) {
                            found.add(r.value());
                          }
                        });
                return !found.isEmpty();
              });
      return found.get(0);
    }
  }

  void awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
    try (var consumer =
        new KafkaConsumer<>(
            consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      await().atMost(Duration.ofSeconds(20)).until(() -> !consumer.partitionsFor(topic).isEmpty());
      consumer
          .partitionsFor(topic)
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r -> {
                          if (match.test(r)) {
                            found.add(r);
                          }
                        });
                return !found.isEmpty();
              });
    }
  }

  static Map<String, Object> consumerConfig() {
    return Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        BROKER.getBrokersAsString(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
        "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false);
  }

  HttpResponse<String> awaitCreated(String body) {
    List<HttpResponse<String>> created = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              HttpResponse<String> response = post(body);
              if (response.statusCode() == 201) {
                created.add(response);
                return true;
              }
              return false;
            });
    return created.get(0);
  }

  String status(String id) throws Exception {
    return json(get("/api/v1/contributions/" + id)).get("status").asString();
  }

  int postStatus(String body) throws Exception {
    return post(body).statusCode();
  }

  HttpResponse<String> post(String body) throws Exception {
    return send("POST", "/api/v1/contributions", body, itu(), null);
  }

  /** GET with ITU's token. */
  HttpResponse<String> get(String path) throws Exception {
    return get(path, itu());
  }

  /** GET with a bearer token, or none when {@code token} is null. */
  HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    Optional.ofNullable(token).ifPresent(t -> request.header("Authorization", "Bearer " + t));
    return OpenApiContract.send("contributions-service", HTTP, request.build());
  }

  HttpResponse<String> send(String method, String path, String body, String token, String ifMatch)
      throws Exception {
    return send(method, path, body, token, Map.of(), ifMatch);
  }

  HttpResponse<String> send(
      String method,
      String path,
      String body,
      String token,
      Map<String, String> headers,
      String ifMatch)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    Optional.ofNullable(token).ifPresent(t -> request.header("Authorization", "Bearer " + t));
    headers.forEach(request::header);
    Optional.ofNullable(ifMatch).ifPresent(v -> request.header("If-Match", v));
    return OpenApiContract.send("contributions-service", HTTP, request.build());
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  static void assertProblem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    JsonNode problem = json(response);
    assertThat(problem.get("type").asString()).isEqualTo("https://ungis.org/problems/" + slug);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
  }

  static void assertProblem(HttpResponse<String> response, int status, String slug, String field) {
    assertProblem(response, status, slug);
    JsonNode errors = json(response).get("errors");
    assertThat(errors).as(response.body()).isNotNull();
    assertThat(errors.valueStream().map(e -> e.get("field").asString())).contains(field);
  }
}
