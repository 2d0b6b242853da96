package org.ungis.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ungis.examples.subscriber.RecordEvents.GDC;
import static org.ungis.examples.subscriber.RecordEvents.entry;
import static org.ungis.examples.subscriber.RecordEvents.entryKey;
import static org.ungis.examples.subscriber.RecordEvents.manifest;
import static org.ungis.examples.subscriber.RecordEvents.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.events.record.RecordEntry;
import org.ungis.localstack.LocalBrokerAccess;
import org.ungis.localstack.LocalKafkaBroker;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import org.ungis.schemas.access.BrokerAccess;
import org.ungis.schemas.access.BrokerLogin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * The subscriber against a real KRaft broker and the real schema registry, with the topic written
 * as publication-service writes it: each edition's texts, tombstones and manifest in one
 * transaction. The broker runs as {@code bin/local-stack} and production run it (SASL, the
 * platform's ACLs from {@link BrokerAccess}, development passwords): publication-service creates
 * and writes the topic as itself, the registry signs in as itself, and the subscriber signs in with
 * its {@code --kafka-user} and {@code --kafka-password} as {@link BrokerAccess#RECORDS_READER}, the
 * downstream systems' principal, which reads the records topic and nothing else (its refusals:
 * local-stack's {@code SecuredBrokerIT}).
 */
class RecordsSubscriberIT {

  static final String PUBLICATION = Topics.RECORDS.owner();

  static final RecordEntry ITU = entry("c-itu", "ITU", 1, "Connectivity for all");
  static final RecordEntry UNDP = entry("c-undp", "UNDP", 1, "Digital public goods");
  static final RecordEntry UNESCO = entry("c-unesco", "UNESCO", 1, "Information integrity");

  @TempDir static Path dataDir;
  static LocalKafkaBroker broker;
  static EmbeddedSchemaRegistry registry;

  @BeforeAll
  static void start() throws Exception {
    // As bin/local-stack starts it: --secured, the access rules and the development passwords.
    broker =
        LocalBrokerAccess.startWithDevelopmentAccess(
            LocalKafkaBroker.Settings.fromArgs("--data-dir", dataDir.toString(), "--secured")
                .withFreePorts());
    // The topic as its owner (publication-service) creates it, with the catalogue's settings.
    try (Admin admin = Admin.create(signIn(PUBLICATION))) {
      admin.createTopics(List.of(Topics.RECORDS.newTopic((short) 1))).all().get();
    }
    registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), registrySignIn());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  /** A Kafka client's settings signing in as {@code principal} with its development password. */
  static Map<String, Object> signIn(String principal) {
    return broker.clientProperties(principal, BrokerLogin.developmentPassword(principal));
  }

  /** The registry's own sign-in, as Spring properties. */
  static Map<String, String> registrySignIn() {
    String principal = "schema-registry";
    return BrokerLogin.springProperties(principal, BrokerLogin.developmentPassword(principal));
  }

  @Test
  void keepsTheLatestCompleteEditionOfEachRecordAsFiles(@TempDir Path out, @TempDir Path late)
      throws Exception {
    try (KafkaProducer<String, Object> publisher = publisher()) {
      publisher.initTransactions();
      publish(
          publisher,
          record(entryKey(GDC, "c-itu"), text(GDC, ITU)),
          record(entryKey(GDC, "c-undp"), text(GDC, UNDP)),
          record(GDC, manifest(GDC, 1, false, ITU, UNDP)));

      try (Running subscriber = Running.start(out)) {
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  JsonNode record = readJson(out.resolve("gdc-2023.json"));
                  assertThat(record.path("edition").asInt()).isEqualTo(1);
                  assertThat(contributionIds(record)).containsExactly("c-itu", "c-undp");
                });

        // An aborted transaction that would leave UNDP's text in a revision edition 2 does not
        // name: a read_uncommitted subscriber would never see edition 2 complete.
        publisher.beginTransaction();
        publisher.send(
            record(entryKey(GDC, "c-undp"), text(GDC, entry("c-undp", "UNDP", 2, "Aborted"))));
        publisher.flush();
        publisher.abortTransaction();

        // Edition 2: ITU withdrew (tombstone), UNESCO was approved.
        publish(
            publisher,
            record(entryKey(GDC, "c-unesco"), text(GDC, UNESCO)),
            record(entryKey(GDC, "c-itu"), null),
            record(GDC, manifest(GDC, 2, false, UNDP, UNESCO)));

        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(
                () -> {
                  JsonNode record = readJson(out.resolve("gdc-2023.json"));
                  assertThat(record.path("edition").asInt()).isEqualTo(2);
                  assertThat(contributionIds(record)).containsExactly("c-undp", "c-unesco");
                });
        assertThat(Files.readString(out.resolve("gdc-2023.md")))
            .contains("# Global Digital Compact", "edition 2", "Information integrity")
            .doesNotContain("Connectivity for all", "Aborted");
      }
    }

    // A subscriber started later reads the topic from the beginning and writes the same file.
    try (Running subscriber = Running.start(late)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () ->
                  assertThat(readJson(late.resolve("gdc-2023.json")))
                      .isEqualTo(readJson(out.resolve("gdc-2023.json"))));
    }
  }

  /** A subscriber on its own thread; closing it stops it and waits (bounded) for the thread. */
  record Running(RecordsSubscriber subscriber, Thread thread) implements AutoCloseable {

    /** Started from its command line, signing in as the downstream systems' principal. */
    static Running start(Path out) {
      RecordsSubscriber.Options options =
          RecordsSubscriber.Options.parse(
              "--bootstrap-servers",
              broker.bootstrapServers(),
              "--schema-registry-url",
              registry.url(),
              "--out",
              out.toString(),
              "--kafka-user",
              BrokerAccess.RECORDS_READER,
              "--kafka-password",
              BrokerLogin.developmentPassword(BrokerAccess.RECORDS_READER));
      RecordsSubscriber subscriber =
          new RecordsSubscriber(
              options.bootstrapServers(),
              options.schemaRegistryUrl(),
              options.out(),
              options.signIn());
      Thread thread = new Thread(subscriber, "records-subscriber-it");
      thread.start();
      return new Running(subscriber, thread);
    }

    @Override
    public void close() throws InterruptedException {
      subscriber.stop();
      thread.join(Duration.ofSeconds(30).toMillis());
      assertThat(thread.isAlive()).as("the subscriber stopped").isFalse();
    }
  }

  /**
   * A transactional producer, as publication-service's exactly_once_v2 topology writes: signed in
   * as publication-service, with a transactional id under its application id (the ACLs grant it
   * those and no other).
   */
  static KafkaProducer<String, Object> publisher() {
    Map<String, Object> config = new HashMap<>(signIn(PUBLICATION));
    config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, PUBLICATION + "-records-subscriber-it");
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, KafkaAvroSerializer.class);
    config.putAll(registry.clientConfig());
    return new KafkaProducer<>(config);
  }

  @SafeVarargs
  static void publish(
      KafkaProducer<String, Object> publisher, ProducerRecord<String, Object>... records) {
    publisher.beginTransaction();
    for (ProducerRecord<String, Object> record : records) {
      publisher.send(record);
    }
    publisher.commitTransaction();
  }

  static ProducerRecord<String, Object> record(String key, Object value) {
    return new ProducerRecord<>(Topics.RECORDS.name(), key, value);
  }

  static JsonNode readJson(Path file) throws IOException {
    if (!Files.exists(file)) {
      return MissingNode.getInstance();
    }
    return JsonMapper.builder().build().readTree(Files.readString(file));
  }

  static List<String> contributionIds(JsonNode record) {
    return record
        .path("entries")
        .valueStream()
        .map(e -> e.path("contributionId").asString())
        .toList();
  }
}
