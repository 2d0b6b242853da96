package org.ungis.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traces across the review service, as an operator follows them: the trace of a submission (the
 * {@code traceparent} contributions-service writes on its event) is in the JSON log line of the
 * review queue's update; the trace of the chair's decision request goes on in the decision event on
 * {@code ungis.reviews.v1}, which publication-service reads.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = {ReviewServiceApplication.class, ReviewServiceIT.FixedTime.class},
    // the line per processed record is DEBUG: what an operator following one record switches on
    properties = "logging.level.org.ungis.observability.streams=DEBUG")
@EmbeddedKafka(
    count = 1,
    partitions = 3,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "group.initial.rebalance.delay.ms=0"
    })
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

  static final String SUBMISSION_TRACE = "5b8efff798038103d269b633813fc60c";
  static final String DECISION_TRACE = "a3ce929d0e0e47364bf92f3577b34da6";
  static final JsonMapper JSON = JsonMapper.builder().build();

  static EmbeddedSchemaRegistry registry;
  static EmbeddedAuthServer auth;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry properties) throws Exception {
    properties.add("spring.kafka.properties.schema.registry.url", () -> registry().url());
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> auth().issuer());
    String stateDir = Files.createTempDirectory("review-tracing-it").toString();
    properties.add("spring.kafka.streams.state-dir", () -> stateDir);
  }

  static synchronized EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      registry = EmbeddedSchemaRegistry.start(System.getProperty("spring.embedded.kafka.brokers"));
    }
    return registry;
  }

  static synchronized EmbeddedAuthServer auth() {
    if (auth == null) {
      auth = EmbeddedAuthServer.start();
    }
    return auth;
  }

  @AfterAll
  static void stopRegistryAndAuthServer() {
    registry.close();
    auth.close();
  }

  @Test
  void aSubmissionsTraceReachesTheQueueAndADecisionsTraceReachesItsEvent(CapturedOutput output)
      throws Exception {
    String chair = auth().reviewerToken("reviewer-itu-1");
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> send("GET", "/actuator/health/readiness", null, null, null) == 200);
    assertThat(
            send(
                "POST",
                "/api/v1/processes",
                chair,
                "{\"id\":\"trace-2023\",\"title\":\"Traced\",\"deadline\":\""
                    + ReviewServiceIT.DEADLINE
                    + "\"}",
                null))
        .isEqualTo(201);

    // FAO's submission, as contributions-service writes it: with the trace of its HTTP request.
    String id = UUID.randomUUID().toString();
    submit(
        TestEvents.submitted(id, "trace-2023", "FAO", "Traced input", ReviewServiceIT.NOW),
        "00-" + SUBMISSION_TRACE + "-00f067aa0ba902b7-01");
    JsonNode queued = awaitLogLine(output, "by review-items-from-contributions (key " + id + ")");
    assertThat(queued.get("traceId").asString()).isEqualTo(SUBMISSION_TRACE);
    assertThat(queued.get("service").get("name").asString()).isEqualTo("review-service");

    // The chair's decision, sent with the trace of the chair's client.
    assertThat(
            send(
                "POST",
                "/api/v1/reviews/" + id + "/decisions",
                chair,
                "{\"revision\":1,\"decision\":\"APPROVED\"}",
                "00-" + DECISION_TRACE + "-53995c3f42cd8ad8-01"))
        .isEqualTo(201);
    assertThat(decisionTraceparent(id))
        .as("the decision event continues the request's trace")
        .matches("00-" + DECISION_TRACE + "-[0-9a-f]{16}-01");
    JsonNode decided = awaitLogLine(output, "by review-items-from-reviews (key " + id + ")");
    assertThat(decided.get("traceId").asString()).isEqualTo(DECISION_TRACE);
  }

  private static JsonNode awaitLogLine(CapturedOutput output, String text) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                output
                    .getOut()
                    .lines()
                    .filter(l -> l.startsWith("{") && l.contains(text))
                    .map(l -> (JsonNode) JSON.readTree(l))
                    .findFirst(),
            Optional::isPresent)
        .orElseThrow();
  }

  private int send(String method, String path, String token, String body, String traceparent)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (traceparent != null) {
      request.header("traceparent", traceparent);
    }
    return HttpClient.newHttpClient()
        .send(request.build(), HttpResponse.BodyHandlers.ofString())
        .statusCode();
  }

  private static void submit(ContributionEvent event, String traceparent) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            System.getProperty("spring.embedded.kafka.brokers"),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            KafkaAvroSerializer.class,
            "basic.auth.credentials.source",
            "USER_INFO",
            "basic.auth.user.info",
            EmbeddedSchemaRegistry.SERVICES_USER_INFO,
            "schema.registry.url",
            registry().url());
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
      ProducerRecord<String, Object> record =
          new ProducerRecord<>(Topics.CONTRIBUTIONS.name(), event.getContributionId(), event);
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
      producer.send(record).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decisionTraceparent(String contributionId) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers"),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.REVIEWS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      ConsumerRecord<String, byte[]> decision =
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> {
                    for (var r : consumer.poll(Duration.ofMillis(200))) {
                      if (contributionId.equals(r.key())) {
                        return r;
                      }
                    }
                    return null;
                  },
                  r -> r != null);
      Header header = decision.headers().lastHeader("traceparent");
      return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
  }
}
