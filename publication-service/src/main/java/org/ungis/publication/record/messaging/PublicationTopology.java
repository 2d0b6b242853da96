package org.ungis.publication.record.messaging;

import java.time.Duration;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;
import org.ungis.events.record.RecordEvent;
import org.ungis.publication.record.RecordChange;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;

/**
 * The publication topology.
 *
 * <pre>
 * contributions ─┐                                  ┌─ processes
 *                ├─ tracker [contribution-tracks] ─ repartition by process ─┤
 * reviews ───────┘   (key contribution id)          (record-changes)        └─ publisher [records,
 *                                                                              record-refs,
 *                                                                              record-entries,
 *                                                                              record-history]
 *                                                                              ─▶ ungis.records.v1
 *                                                          (one edition per changed record every
 *                                                           edition interval, wall-clock punctuation)
 * ungis.records.v1 ─▶ global store [published-records] (what is served, as downstream reads it)
 * </pre>
 *
 * Everything runs under {@code exactly_once_v2}: the records written to {@code ungis.records.v1}
 * (by record processing or by the publisher's punctuation), the store updates and the input offsets
 * commit together.
 */
public final class PublicationTopology {

  /** Per contribution: its latest text, approval and withdrawal (key = contribution id). */
  public static final String TRACKS = "contribution-tracks";

  /** Per call: the consolidated record without its entries (key = process id). */
  public static final String RECORDS = "records";

  /** Per call and contribution: its entry in the record, or its withdrawal (key = processId/id). */
  public static final String REFS = "record-refs";

  /** How often a record with changes gets its next edition, unless configured otherwise. */
  public static final Duration EDITION_INTERVAL = Duration.ofMillis(250);

  /** Entry texts per approved revision (key = processId/contributionId#revision). */
  public static final String ENTRIES = "record-entries";

  /** One step per published edition (key = processId#edition, zero-padded). */
  public static final String HISTORY = "record-history";

  /** The latest value of every key of ungis.records.v1 (global). */
  public static final String PUBLISHED = "published-records";

  /** Name of the repartition topic (prefixed with the application id by Kafka Streams). */
  public static final String CHANGES = "record-changes";

  private PublicationTopology() {}

  /** The topology with RocksDB stores, the default edition interval, counters in memory only. */
  public static void build(StreamsBuilder builder, EventSerdes serdes, Roster roster) {
    build(
        builder,
        serdes,
        roster,
        PublicationMetrics.inMemory(),
        EDITION_INTERVAL,
        Stores::persistentKeyValueStore);
  }

  /** The topology with RocksDB stores, as the service runs it. */
  static void build(
      StreamsBuilder builder,
      EventSerdes serdes,
      Roster roster,
      PublicationMetrics metrics,
      Duration editionInterval) {
    build(builder, serdes, roster, metrics, editionInterval, Stores::persistentKeyValueStore);
  }

  /**
   * The topology with stores from the given supplier (in-memory stores keep the topology test
   * driver fast: it commits after every record, and a RocksDB store syncs a file on every commit).
   */
  static void build(
      StreamsBuilder builder,
      EventSerdes serdes,
      Roster roster,
      PublicationMetrics metrics,
      Duration editionInterval,
      Function<String, KeyValueBytesStoreSupplier> stores) {
    Serde<String> keys = serdes.keys();
    builder.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(TRACKS), keys, StateSerdes.tracks()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(RECORDS), keys, StateSerdes.records()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(REFS), keys, StateSerdes.refs()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(ENTRIES), keys, StateSerdes.entries()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(stores.apply(HISTORY), keys, StateSerdes.history()));

    KStream<String, TrackInput> contributions =
        builder.stream(
                Topics.CONTRIBUTIONS.name(),
                Consumed.with(keys, serdes.contributions()).withName("contributions"))
            .flatMapValues(TrackInput::of, Named.as("contribution-inputs"));
    KStream<String, TrackInput> approvals =
        builder.stream(
                Topics.REVIEWS.name(), Consumed.with(keys, serdes.reviews()).withName("reviews"))
            .flatMapValues(TrackInput::of, Named.as("approvals"));

    KStream<String, PublisherInput> changes =
        contributions
            .merge(approvals, Named.as("contribution-events"))
            .process(ContributionTracker::new, Named.as("tracker"), TRACKS)
            .repartition(
                Repartitioned.<String, RecordChange>with(keys, StateSerdes.changes())
                    .withName(CHANGES)
                    .withNumberOfPartitions(Topics.PROCESSES.partitions()))
            .mapValues(PublisherInput.Change::new, Named.as("changes"));
    KStream<String, PublisherInput> calls =
        builder.stream(
                Topics.PROCESSES.name(),
                Consumed.with(keys, serdes.processes()).withName("processes"))
            .flatMapValues(PublisherInput::of, Named.as("calls"));

    changes
        .merge(calls, Named.as("record-inputs"))
        .process(
            () -> new RecordPublisher(roster, metrics, editionInterval),
            Named.as("publisher"),
            RECORDS,
            REFS,
            ENTRIES,
            HISTORY)
        .to(
            Topics.RECORDS.name(),
            Produced.with(keys, serdes.records()).withName("published-records-sink"));

    builder.globalTable(
        Topics.RECORDS.name(),
        Consumed.with(keys, serdes.records()).withName("published-records-source"),
        Materialized.<String, RecordEvent>as(stores.apply(PUBLISHED))
            .withKeySerde(keys)
            .withValueSerde(serdes.records()));
  }
}
