package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerIT {

  @TempDir Path dataDir;

  @Test
  void startedAgainOnTheSameDirectoryTheBrokerKeepsItsTopicsAndRecords() throws Exception {
    LocalKafkaBroker.Settings settings =
        LocalKafkaBroker.Settings.defaults(dataDir).withFreePorts();

    String clusterId;
    try (LocalKafkaBroker broker = LocalKafkaBroker.start(settings)) {
      assertThat(broker.freshlyFormatted()).isTrue();
      clusterId = broker.clusterId();
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        admin.createTopics(List.of(new NewTopic("kept", 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
        producer.send(new ProducerRecord<>("kept", "gdc-2023", "joint input")).get();
      }
    }

    try (LocalKafkaBroker broker = LocalKafkaBroker.start(settings)) {
      assertThat(broker.freshlyFormatted()).isFalse();
      assertThat(broker.clusterId()).isEqualTo(clusterId);
      assertThat(Files.readString(dataDir.resolve("cluster.id")).trim()).isEqualTo(clusterId);
      try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
        assertThat(admin.listTopics().names().get()).contains("kept");
      }
      assertThat(readAll(broker.bootstrapServers(), "kept"))
          .containsExactly("gdc-2023=joint input");
    }
  }

  private static KafkaProducer<String, String> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(String bootstrap, String topic) {
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(Set.of(partition));
      consumer.seekToBeginning(Set.of(partition));
      long end = consumer.endOffsets(Set.of(partition)).get(partition);
      while (consumer.position(partition) < end) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
          values.add(record.key() + "=" + record.value());
        }
      }
    }
    return values;
  }
}
