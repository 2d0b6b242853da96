package org.ungis.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
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
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.events.common.ActorRole;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real KRaft broker and the real schema registry, driven over HTTP, with the
 * calls for inputs and the review decisions produced as review-service would produce them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContributionsServiceIT {

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

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry properties) throws IOException {
    String url = registryUrl();
    properties.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    properties.add("spring.kafka.properties.schema.registry.url", () -> url);
    String stateDir = Files.createTempDirectory("contributions-it").toString();
    properties.add("spring.kafka.streams.state-dir", () -> stateDir);
  }

  @BeforeAll
  static void producers() {
    Map<String, Object> serde = Map.of("schema.registry.url", registryUrl());
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
    assertThat(event.getActor().getPrincipal()).isEqualTo("jane.doe@itu.int");

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
            submission("gdc-2023", "Revised"),
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
    assertProblem(notTheOwner, 403, "forbidden");

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

    JsonNode page = json(get("/api/v1/contributions?agency=ITU&process=gdc-2023&status=WITHDRAWN"));
    assertThat(page.get("items").valueStream().map(i -> i.get("id").asString())).contains(id);
    assertThat(page.get("page").get("totalElements").asLong()).isPositive();
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
        send("POST", "/api/v1/contributions", submission("hlpf-2023", "x"), Map.of(), null),
        401,
        "unauthenticated");
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
  void aRetriedSubmissionWithTheSameIdempotencyKeyCreatesNothingNew() throws Exception {
    openCall("wsis-2023", Instant.now().plus(30, ChronoUnit.DAYS), CallStatus.OPEN);
    String key = UUID.randomUUID().toString();
    Map<String, String> headers =
        Map.of(
            "X-Ungis-Agency", "UNESCO",
            "X-Ungis-Principal", "focal.point@unesco.org",
            "Idempotency-Key", key);
    String body = submission("wsis-2023", "Once only");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> send("POST", "/api/v1/contributions", body, headers, null).statusCode() == 201);

    HttpResponse<String> retried = send("POST", "/api/v1/contributions", body, headers, null);
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
    String id = json(retried).get("id").asString();
    JsonNode mine = json(get("/api/v1/contributions?agency=UNESCO&process=wsis-2023"));
    assertThat(mine.get("page").get("totalElements").asLong()).isEqualTo(1);
    assertThat(mine.get("items").get(0).get("id").asString()).isEqualTo(id);

    assertProblem(
        send("POST", "/api/v1/contributions", submission("wsis-2023", "Other"), headers, null),
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
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
  }

  @Test
  void theApiAndItsLimitsAreDescribedInOpenApi() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs");

    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode api = json(docs);
    assertThat(api.get("paths").has("/api/v1/contributions/{id}/withdrawal")).isTrue();
    JsonNode request = api.get("components").get("schemas").get("ContributionRequest");
    assertThat(request.get("properties").get("body").get("maxLength").asInt()).isEqualTo(50_000);
    assertThat(request.get("properties").get("title").get("maxLength").asInt()).isEqualTo(300);
  }

  // ---------------------------------------------------------------- helpers

  static String submission(String processId, String title) {
    return """
        {"processId":"%s","title":"%s","summary":"A short summary","body":"The full text.",\
        "language":"EN","actionLines":["C7"],"sdgs":[9],"links":["https://www.itu.int/wsis"]}"""
        .formatted(processId, title);
  }

  static Map<String, String> agency(String code) {
    return Map.of("X-Ungis-Agency", code, "X-Ungis-Principal", "someone@" + code.toLowerCase());
  }

  static Map<String, String> itu() {
    return Map.of("X-Ungis-Agency", "ITU", "X-Ungis-Principal", "jane.doe@itu.int");
  }

  static Map<String, String> undp() {
    return Map.of("X-Ungis-Agency", "UNDP", "X-Ungis-Principal", "john.roe@undp.org");
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

  static org.ungis.events.common.Actor actor(String agency, String principal, ActorRole role) {
    return org.ungis.events.common.Actor.newBuilder()
        .setAgency(agency)
        .setPrincipal(principal)
        .setRole(role)
        .build();
  }

  ContributionEvent awaitEventOnTopic(String id) {
    Map<String, Object> serde = Map.of("schema.registry.url", registryUrl());
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

  HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(
      String method, String path, String body, Map<String, String> headers, String ifMatch)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    Optional.ofNullable(ifMatch).ifPresent(v -> request.header("If-Match", v));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
