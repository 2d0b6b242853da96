package org.ungis.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.schemas.Topics;
import org.ungis.schemas.access.BrokerAccess;

/**
 * Rebuilds published records from the records topic alone, as any downstream subscriber would: a
 * plain {@link KafkaConsumer} with the Confluent-format {@link KafkaAvroDeserializer} reads the
 * topic from the beginning to its current end, keeps the latest value per key (a tombstone removes
 * the key), and assembles each process's record from its latest edition manifest (key = process id)
 * and the entries that manifest lists (each under its own key {@code processId/contributionId}).
 */
public final class RecordTopicReader {

  private RecordTopicReader() {}

  /** One record as a subscriber sees it: the latest edition and its entries in published order. */
  public record RebuiltRecord(String processId, RecordEdition edition, List<RecordEntry> entries) {

    /** The entry of an agency, if the edition lists one. */
    public Optional<RecordEntry> entryOf(String agency) {
      return entries.stream().filter(e -> e.getAgency().equals(agency)).findFirst();
    }
  }

  /**
   * Every record on the topic, by process id, read with a consumer of these properties: at least
   * {@code bootstrap.servers}, and the reader's credentials (SASL) and {@code group.id} on a broker
   * that asks for them.
   */
  public static Map<String, RebuiltRecord> readAll(
      Map<String, Object> clientProperties, String registryUrl) {
    Map<String, RecordEvent> latest = readLatestValues(clientProperties, registryUrl);
    Map<String, RebuiltRecord> records = new HashMap<>();
    latest.forEach(
        (key, event) -> {
          if (event.getPayload() instanceof RecordEdition edition) {
            List<RecordEntry> entries = new ArrayList<>();
            for (EntryRef ref : edition.getEntries()) {
              RecordEvent entryEvent = latest.get(ref.getKey());
              if (entryEvent != null && entryEvent.getPayload() instanceof RecordEntry entry) {
                entries.add(entry);
              }
            }
            records.put(key, new RebuiltRecord(event.getProcessId(), edition, entries));
          }
        });
    return records;
  }

  private static Map<String, RecordEvent> readLatestValues(
      Map<String, Object> clientProperties, String registryUrl) {
    Map<String, Object> config = new HashMap<>();
    // A group the downstream systems' principal may use (it reads by assignment, never commits).
    config.put(
        ConsumerConfig.GROUP_ID_CONFIG, BrokerAccess.RECORDS_READER + "-e2e-" + UUID.randomUUID());
    config.putAll(clientProperties);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put("schema.registry.url", registryUrl);
    config.put("specific.avro.reader", true);
    KafkaAvroDeserializer values = new KafkaAvroDeserializer();
    values.configure(config, false);
    Map<String, RecordEvent> latest = new HashMap<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.RECORDS.name(), Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "could not read " + Topics.RECORDS.name() + " to its end");
        }
        for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            latest.remove(record.key());
          } else {
            latest.put(record.key(), (RecordEvent) record.value());
          }
        }
      }
    }
    return latest;
  }
}
