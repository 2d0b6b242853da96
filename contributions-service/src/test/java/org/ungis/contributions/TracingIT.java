package org.ungis.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submission's trace, as an operator follows it: the client's W3C {@code traceparent} goes on in
 * the event on {@code ungis.contributions.v1} (its {@code traceparent} header) and in the service's
 * JSON log line of the view update, so one trace id finds the request, the event and the view.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // the line per processed record is DEBUG: what an operator following one record switches on
    properties = "logging.level.org.ungis.observability.streams=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class TracingIT {

  static final EmbeddedKafkaKraftBroker BROKER =
      (EmbeddedKafkaKraftBroker)
          new EmbeddedKafkaKraftBroker(1, Topics.CONTRIBUTIONS.partitions())
              .brokerProperties(
                  Map.of(
                      "transaction.state.log.replication.factor", "1",
                      "transaction.state.log.min.isr", "1",
                      "offsets.topic.replication.factor", "1",
                      "group.initial.rebalance.delay.ms", "0"));

  static EmbeddedSchemaRegistry registry;
  static EmbeddedAuthServer auth;

  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  static final String CLIENT_SPAN = "b7ad6b7169203331";

  static final JsonMapper JSON = new JsonMapper();

  @LocalServerPort int port;

  static synchronized String registryUrl() {
    if (registry == null) {
      BROKER.afterPropertiesSet();
      registry = EmbeddedSchemaRegistry.start(BROKER.getBrokersAsString());
      auth = EmbeddedAuthServer.start();
    }
    return registry.url();
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry properties) throws Exception {
    String url = registryUrl();
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", auth::issuer);
    properties.add("spring.kafka.bootstrap-servers", BROKER::getBrokersAsString);
    properties.add("spring.kafka.properties.schema.registry.url", () -> url);
    String stateDir = Files.createTempDirectory("contributions-tracing-it").toString();
    properties.add("spring.kafka.streams.state-dir", () -> stateDir);
  }

  /** Stops the registry, auth server and broker after the service has stopped. */
  @TestConfiguration(proxyBeanMethods = false)
  static class StopInfrastructureLast {
    @Bean
    DisposableBean embeddedInfrastructure() {
      return () -> {
        registry.close();
        auth.close();
        BROKER.destroy();
      };
    }
  }

  @Test
  void theClientsTraceIdIsOnTheEventAndInTheJsonLogOfTheViewUpdate(CapturedOutput output)
      throws Exception {
    openCall("trace-2026");

    // Until the service's view of the calls has the new call, a submission is refused: retry.
    HttpResponse<String> created =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> submit("trace-2026"), r -> r.statusCode() == 201);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = JSON.readTree(created.body()).get("id").asString();

    String traceparent = header(eventOnTopic(id), "traceparent");
    assertThat(traceparent)
        .as("the event continues the client's trace, as a child of the request")
        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
        .doesNotContain(CLIENT_SPAN);

    JsonNode viewUpdate =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () -> jsonLines(output).stream().filter(l -> isViewUpdateOf(l, id)).findFirst(),
                Optional::isPresent)
            .orElseThrow();
    assertThat(viewUpdate.get("traceId").asString()).isEqualTo(TRACE_ID);
    assertThat(viewUpdate.get("spanId").asString()).isNotEqualTo(CLIENT_SPAN);
    assertThat(viewUpdate.get("service").get("name").asString()).isEqualTo("contributions-service");
    assertThat(jsonLines(output)).as("every line on the console is a JSON document").isNotEmpty();
  }

  private static boolean isViewUpdateOf(JsonNode line, String id) {
    return line.path("message").asString("").contains("by fold-contribution-events (key " + id);
  }

  /** The lines of the captured console output that are JSON documents. */
  private static List<JsonNode> jsonLines(CapturedOutput output) {
    return output
        .getOut()
        .lines()
        .filter(l -> l.startsWith("{"))
        .map(l -> (JsonNode) JSON.readTree(l))
        .toList();
  }

  private static void openCall(String processId) throws Exception {
    Map<String, Object> serde = EmbeddedSchemaRegistry.clientConfig(registryUrl());
    try (var producer =
        new KafkaProducer<>(
            Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString()),
            new StringSerializer(),
            Topics.PROCESSES.valueSerde(serde).serializer())) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.PROCESSES.name(),
                  processId,
                  CallForInputsEvent.newBuilder()
                      .setEventId(UUID.randomUUID())
                      .setOccurredAt(Instant.now())
                      .setActor(
                          Actor.newBuilder()
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
  }

  private HttpResponse<String> submit(String processId) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/contributions"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + auth.intakeToken("ITU"))
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        """
                        {"processId":"%s","title":"Traced","summary":"s","body":"b",\
                        "language":"EN","actionLines":["C7"],"sdgs":[9],"links":[]}"""
                            .formatted(processId)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static ConsumerRecord<String, byte[]> eventOnTopic(String id) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BROKER.getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CONTRIBUTIONS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      return await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  if (id.equals(r.key())) {
                    return r;
                  }
                }
                return null;
              },
              r -> r != null);
    }
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
