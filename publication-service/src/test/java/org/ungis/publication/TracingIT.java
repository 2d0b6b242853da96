package org.ungis.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ungis.publication.record.messaging.InputEvents.approved;
import static org.ungis.publication.record.messaging.InputEvents.call;
import static org.ungis.publication.record.messaging.InputEvents.content;
import static org.ungis.publication.record.messaging.InputEvents.submitted;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.events.process.CallStatus;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;

/**
 * The trace of a chair's decision reaches the published record: the approval arrives on {@code
 * ungis.reviews.v1} with the {@code traceparent} review-service writes, and the entry and the
 * edition that publication-service writes on {@code ungis.records.v1} (after its repartition by
 * process) carry the same trace id, so a downstream reader can tell which request published them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class TracingIT {

  static final String PROCESS = "trace-2023";
  static final String DECISION_TRACE = "a3ce929d0e0e47364bf92f3577b34da6";
  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");

  static EmbeddedSchemaRegistry registry;

  @DynamicPropertySource
  static void wire(DynamicPropertyRegistry properties) {
    properties.add("spring.kafka.properties.schema.registry.url", () -> registry().url());
    properties.add(
        "spring.kafka.streams.state-dir",
        () ->
            System.getProperty("java.io.tmpdir") + "/publication-tracing-it-" + UUID.randomUUID());
  }

  /** The registry, once the broker is up, after creating the input topics as their owners do. */
  static synchronized EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      String brokers = brokers();
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
        admin
            .createTopics(
                List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES).stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                    .toList())
            .all()
            .get();
      } catch (Exception e) {
        throw new IllegalStateException("cannot create the input topics", e);
      }
      registry = EmbeddedSchemaRegistry.start(brokers);
    }
    return registry;
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void theEntryAndTheEditionCarryTheTraceOfTheApproval() throws Exception {
    String id = UUID.randomUUID().toString();
    try (KafkaProducer<String, Object> producer = producer()) {
      send(producer, Topics.PROCESSES.name(), PROCESS, call(PROCESS, CallStatus.OPEN, T0), null);
      send(
          producer,
          Topics.CONTRIBUTIONS.name(),
          id,
          submitted(id, PROCESS, "ITU", content("Traced", "The text."), T0.plusSeconds(1)),
          "00-5b8efff798038103d269b633813fc60c-00f067aa0ba902b7-01");
      send(
          producer,
          Topics.REVIEWS.name(),
          id,
          approved(id, PROCESS, "ITU", 1, T0.plusSeconds(2)),
          "00-" + DECISION_TRACE + "-53995c3f42cd8ad8-01");
    }

    // Editions are published in batches; the one with this approval carries its trace.
    String decisionTrace = "00-" + DECISION_TRACE + "-[0-9a-f]{16}-01";
    List<Map.Entry<String, String>> published =
        awaitRecords(
            records ->
                records.stream().anyMatch(r -> r.getKey().equals(PROCESS + "/" + id))
                    && records.stream()
                        .anyMatch(
                            r ->
                                r.getKey().equals(PROCESS)
                                    && r.getValue() != null
                                    && r.getValue().matches(decisionTrace)));

    assertThat(published)
        .filteredOn(r -> r.getKey().equals(PROCESS + "/" + id))
        .as("the entry")
        .singleElement()
        .satisfies(r -> assertThat(r.getValue()).matches(decisionTrace));
  }

  /** The (key, traceparent) of every record on the records topic, once {@code done} says so. */
  private static List<Map.Entry<String, String>> awaitRecords(
      Predicate<List<Map.Entry<String, String>>> done) {
    List<Map.Entry<String, String>> found = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                if (consumer.assignment().isEmpty()) {
                  List<TopicPartition> partitions =
                      consumer.partitionsFor(Topics.RECORDS.name()).stream()
                          .map(p -> new TopicPartition(p.topic(), p.partition()))
                          .toList();
                  if (partitions.isEmpty()) {
                    return false;
                  }
                  consumer.assign(partitions);
                  consumer.seekToBeginning(partitions);
                }
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(r -> found.add(new SimpleEntry<>(r.key(), traceparent(r.headers()))));
                return done.test(found);
              });
    }
    return found;
  }

  private static String traceparent(Headers headers) {
    Header header = headers.lastHeader("traceparent");
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static String brokers() {
    return System.getProperty("spring.embedded.kafka.brokers");
  }

  private static KafkaProducer<String, Object> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putAll(registry().clientConfig());
    KafkaAvroSerializer values = new KafkaAvroSerializer();
    values.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }

  private static void send(
      KafkaProducer<String, Object> producer,
      String topic,
      String key,
      Object value,
      String traceparent)
      throws Exception {
    ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
    if (traceparent != null) {
      record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
    }
    producer.send(record).get();
  }
}
