package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.streams.CatchUpBarrier.View;

/**
 * The barrier against a real broker and a real Kafka Streams client (exactly-once): a view that has
 * not applied a backlog is refused, and once the barrier lets a read through, the view shows the
 * last record written to the key's partition before the streams started.
 */
class CatchUpBarrierIT {

  static final String TOPIC = "catch-up-input";
  static final View VIEW = View.of("catch-up-store", TOPIC);
  static final int BACKLOG = 20_000;

  static final EmbeddedKafkaKraftBroker BROKER =
      (EmbeddedKafkaKraftBroker)
          new EmbeddedKafkaKraftBroker(1, 2, TOPIC)
              .brokerProperties(
                  Map.of(
                      "transaction.state.log.replication.factor", "1",
                      "transaction.state.log.min.isr", "1",
                      "offsets.topic.replication.factor", "1",
                      "group.initial.rebalance.delay.ms", "0"));

  static StreamsBuilderFactoryBean streams;
  static CatchUpBarrier barrier;

  @BeforeAll
  static void start() throws Exception {
    BROKER.afterPropertiesSet();
    Map<String, Object> config = new HashMap<>();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "catch-up-barrier-it");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("catch-up").toString());
    streams = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
    streams.setAutoStartup(false);
    streams.afterPropertiesSet();
    StreamsBuilder builder = streams.getObject();
    builder.table(
        TOPIC, Consumed.with(Serdes.String(), Serdes.String()), Materialized.as(VIEW.store()));
    barrier =
        CatchUpBarrier.listeningTo(
            streams,
            new KafkaAdmin(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER.getBrokersAsString())),
            "catch-up-barrier-it");
  }

  @AfterAll
  static void stop() {
    if (streams != null) {
      streams.stop();
    }
    if (barrier != null) {
      barrier.close();
    }
    BROKER.destroy();
  }

  @Test
  void aReadWaitsUntilTheViewShowsWhatWasWrittenBeforeTheStreamsStarted() throws Exception {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                BROKER.getBrokersAsString(),
                ProducerConfig.LINGER_MS_CONFIG,
                20),
            new StringSerializer(),
            new StringSerializer())) {
      producer.send(new ProducerRecord<>(TOPIC, "watched", "first")).get();
      for (int n = 0; n < BACKLOG; n++) {
        producer.send(new ProducerRecord<>(TOPIC, "other-" + n, "backlog " + n));
      }
      producer.send(new ProducerRecord<>(TOPIC, "watched", "last")).get();
    }

    // Nothing applied yet: refused at the deadline.
    assertThatThrownBy(() -> barrier.awaitCaughtUp(VIEW, "watched", Duration.ofMillis(500)))
        .isInstanceOf(ViewCatchingUpException.class)
        .hasMessageContaining(VIEW.store());

    streams.afterSingletonsInstantiated();
    streams.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(
            () ->
                streams.getKafkaStreams() != null
                    && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

    barrier.awaitCaughtUp(VIEW, "watched", Duration.ofSeconds(120));
    assertThat(store().get("watched")).isEqualTo("last");

    barrier.awaitAllCaughtUp(VIEW, Duration.ofSeconds(120));
    assertThat(store().get("other-" + (BACKLOG - 1))).isEqualTo("backlog " + (BACKLOG - 1));
  }

  static ReadOnlyKeyValueStore<String, String> store() {
    return streams
        .getKafkaStreams()
        .store(
            StoreQueryParameters.fromNameAndType(
                VIEW.store(), QueryableStoreTypes.<String, String>keyValueStore()));
  }
}
