package org.ungis.publication.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;

/**
 * Rebuilds published records from {@code ungis.records.v1} alone, as any downstream subscriber
 * does. Copy it freely: it needs only the Kafka client and the generated Avro classes.
 *
 * <p>The topic is compacted and holds two kinds of message:
 *
 * <ul>
 *   <li>key {@code processId}: a {@link RecordEdition} manifest, the latest edition of that call's
 *       record: its number, whether it is final, the call, and the ordered {@link EntryRef}s;
 *   <li>key {@code processId/contributionId}: a {@link RecordEntry}, the full text of one entry, or
 *       a tombstone (null value) once the entry left the record.
 * </ul>
 *
 * <p>The procedure: read the topic from the beginning (with {@code
 * isolation.level=read_committed}), keep the latest value per key (a null value deletes the key),
 * then for a process take the value of key {@code processId} and look up, in its order, the value
 * under each ref's {@code key}. An edition and its entries are written in one transaction, so once
 * the consumer has caught up with every partition the lookups succeed; while it is catching up, a
 * manifest may name an entry not read yet (or an older revision of it), and {@link #assemble}
 * answers empty until it has.
 */
public final class RecordAssembler {

  private final Map<String, RecordEvent> latest = new HashMap<>();

  /** Takes one message of the topic (in any order across partitions, in order within one). */
  public void accept(String key, RecordEvent value) {
    Objects.requireNonNull(key, "key");
    if (value == null) {
      latest.remove(key);
    } else {
      latest.put(key, value);
    }
  }

  /** The processes for which a manifest was read. */
  public SortedSet<String> processIds() {
    SortedSet<String> ids = new TreeSet<>();
    latest.forEach(
        (key, value) -> {
          if (value.getPayload() instanceof RecordEdition) {
            ids.add(key);
          }
        });
    return ids;
  }

  /**
   * The latest edition of a process's record with its entries in the published order.
   *
   * @return empty if no manifest was read for the process or one of its entries is missing yet
   */
  public Optional<AssembledRecord> assemble(String processId) {
    RecordEvent manifestEvent = latest.get(processId);
    if (manifestEvent == null || !(manifestEvent.getPayload() instanceof RecordEdition manifest)) {
      return Optional.empty();
    }
    List<RecordEntry> entries = new ArrayList<>(manifest.getEntries().size());
    for (EntryRef ref : manifest.getEntries()) {
      RecordEvent entryEvent = latest.get(ref.getKey());
      if (entryEvent == null
          || !(entryEvent.getPayload() instanceof RecordEntry entry)
          || entry.getRevision() != ref.getRevision()) {
        return Optional.empty();
      }
      entries.add(entry);
    }
    return Optional.of(
        new AssembledRecord(processId, manifest, manifestEvent.getOccurredAt(), entries));
  }

  /**
   * Reads a records topic from the beginning up to its current end and returns what was read. The
   * consumer should be configured with {@code isolation.level=read_committed}, a String key
   * deserializer and an Avro value deserializer reading {@link RecordEvent}; it is assigned every
   * partition of the topic (no consumer group is needed).
   *
   * @param consumer the consumer, not subscribed to anything
   * @param topic the records topic ({@code Topics.RECORDS.name()})
   * @param timeout how long to try to reach the end
   * @throws IllegalStateException if the end is not reached in time
   */
  public static RecordAssembler readToEnd(
      Consumer<String, RecordEvent> consumer, String topic, Duration timeout) {
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic, timeout).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
    RecordAssembler assembler = new RecordAssembler();
    Instant deadline = Instant.now().plus(timeout);
    while (!caughtUp(consumer, end)) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("did not reach the end of " + topic + " in " + timeout);
      }
      for (ConsumerRecord<String, RecordEvent> record : consumer.poll(Duration.ofMillis(200))) {
        assembler.accept(record.key(), record.value());
      }
    }
    return assembler;
  }

  private static boolean caughtUp(
      Consumer<String, RecordEvent> consumer, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
  }

  /**
   * A record as a subscriber sees it.
   *
   * @param processId the call for inputs
   * @param edition the latest manifest
   * @param publishedAt when that edition was published
   * @param entries the entries' texts in the published order
   */
  public record AssembledRecord(
      String processId, RecordEdition edition, Instant publishedAt, List<RecordEntry> entries) {}
}
