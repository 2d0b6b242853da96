package org.ungis.faults;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.ReviewEvent;
import org.ungis.faults.EventLog.Coordinate;
import org.ungis.faults.EventLog.DeadLetter;
import org.ungis.faults.EventLog.Logged;
import org.ungis.faults.EventLog.Partition;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Reads every topic of the catalogue and its dead-letter topic from the beginning to its current
 * end, as a subscriber would ({@code read_committed}, a plain consumer, nothing committed), and
 * decodes each value with the Confluent-format deserializer; a value that does not decode is kept
 * as bytes. It reads with the client properties it is given: bootstrap servers and a sign-in whose
 * principal may read every topic and every dead-letter topic (on the platform's broker, the super
 * user: no other principal reads the dead-letter topics).
 */
final class EventLogReader {

  private static final Duration READ_LIMIT = Duration.ofSeconds(60);

  private EventLogReader() {}

  static EventLog read(Map<String, Object> client, String registryUrl) {
    Map<String, Object> serde = new HashMap<>();
    serde.put("schema.registry.url", registryUrl);
    serde.put("specific.avro.reader", true);
    EventLog.Builder log = EventLog.builder();
    try (KafkaAvroDeserializer values = new KafkaAvroDeserializer()) {
      values.configure(serde, false);
      for (Topic<?> topic : Topics.ALL) {
        for (ConsumerRecord<byte[], byte[]> record : readAll(client, topic.name())) {
          Object value;
          try {
            value = values.deserialize(record.topic(), record.headers(), record.value());
          } catch (RuntimeException e) {
            log.undecodable(logged(record, record.value()));
            continue;
          }
          if (value instanceof ContributionEvent event) {
            log.contribution(logged(record, event));
          } else if (value instanceof ReviewEvent event) {
            log.review(logged(record, event));
          } else if (value instanceof RecordEvent event) {
            log.record(logged(record, event));
          } else {
            log.count(record.topic());
          }
        }
        for (ConsumerRecord<byte[], byte[]> letter : readAll(client, topic.deadLetterTopic())) {
          log.deadLetter(deadLetter(letter));
        }
      }
    }
    return log.build();
  }

  /** Where every partition of every topic of the catalogue and its DLT ends now. */
  static Map<Partition, Long> endOffsets(Map<String, Object> client) {
    Map<Partition, Long> ends = new HashMap<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(client)) {
      for (Topic<?> topic : Topics.ALL) {
        for (String name : List.of(topic.name(), topic.deadLetterTopic())) {
          List<TopicPartition> partitions = partitions(consumer, name);
          consumer
              .endOffsets(partitions)
              .forEach((p, end) -> ends.put(new Partition(p.topic(), p.partition()), end));
        }
      }
    }
    return ends;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(Map<String, Object> client) {
    Map<String, Object> config = new HashMap<>(client);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }

  /** Every record of a topic, from the beginning to its end as it is now. */
  static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> client, String topic) {
    List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(client)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      if (partitions.isEmpty()) {
        return all;
      }
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + READ_LIMIT.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic + " to its end");
        }
        consumer.poll(Duration.ofMillis(300)).forEach(all::add);
      }
    }
    return all;
  }

  private static <T> Logged<T> logged(ConsumerRecord<byte[], byte[]> record, T value) {
    return new Logged<>(
        record.topic(),
        record.partition(),
        record.offset(),
        record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
        value,
        textHeaders(record));
  }

  private static DeadLetter deadLetter(ConsumerRecord<byte[], byte[]> letter) {
    Header topic = letter.headers().lastHeader("kafka_dlt-original-topic");
    Header partition = letter.headers().lastHeader("kafka_dlt-original-partition");
    Header offset = letter.headers().lastHeader("kafka_dlt-original-offset");
    Header exception = letter.headers().lastHeader("kafka_dlt-exception-fqcn");
    Coordinate original =
        topic == null || partition == null || offset == null
            ? null
            : new Coordinate(
                new String(topic.value(), StandardCharsets.UTF_8),
                ByteBuffer.wrap(partition.value()).getInt(),
                ByteBuffer.wrap(offset.value()).getLong());
    return new DeadLetter(
        new Coordinate(letter.topic(), letter.partition(), letter.offset()),
        original,
        letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8),
        letter.value(),
        exception == null ? null : new String(exception.value(), StandardCharsets.UTF_8));
  }

  /** The headers whose values are text (the last value of each). */
  private static Map<String, String> textHeaders(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      if (header.key().startsWith("ungis-") && header.value() != null) {
        headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
      }
    }
    return headers;
  }
}
