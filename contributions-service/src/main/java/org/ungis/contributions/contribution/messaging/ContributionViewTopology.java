package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.schemas.Topics;
import org.ungis.streams.JsonSerde;
import org.ungis.streams.Sourced;

/**
 * The views of this service, as one Kafka Streams topology:
 *
 * <ul>
 *   <li>{@value #CONTRIBUTIONS_STORE}: the contribution aggregate by id, folded from {@code
 *       Topics.CONTRIBUTIONS} and {@code Topics.REVIEWS} (both keyed by contribution id and
 *       co-partitioned, so one task owns all events of a contribution);
 *   <li>{@value #INDEX_STORE}: the contributions by agency, and by agency and call, in each list
 *       order, and their counts ({@link ContributionIndex}), written with {@value
 *       #CONTRIBUTIONS_STORE};
 *   <li>{@value #IDEMPOTENCY_STORE}: idempotency keys of submissions ({@code agency/key} to the
 *       contribution they created), from the headers of the submitted events;
 *   <li>{@value #EARLY_DECISIONS_STORE}: the decisions read before the contribution or revision
 *       they are about, by contribution id, until it is folded ({@link HeldDecisions}); one held
 *       too long leaves it for the reviews topic's dead-letter topic through the sink {@value
 *       #EXPIRED_DECISIONS}, in the stream's transaction;
 *   <li>{@value #CALLS_STORE}: the calls for inputs, a global table of {@code Topics.PROCESSES}.
 * </ul>
 *
 * Every store is logged to a changelog topic, so a lost state directory is rebuilt.
 */
public final class ContributionViewTopology {

  public static final String CONTRIBUTIONS_STORE = "contributions";
  public static final String INDEX_STORE = "contributions-index";
  public static final String IDEMPOTENCY_STORE = "idempotency-keys";
  public static final String CALLS_STORE = "calls";
  public static final String EARLY_DECISIONS_STORE = "early-decisions";

  /**
   * How long a decision read before its contribution (or the revision it is about) is held before
   * it is dead-lettered.
   */
  public static final Duration EARLY_DECISION_BOUND = Duration.ofHours(24);

  static final String CONTRIBUTION_FOLDER = "fold-contribution-events";
  static final String REVIEW_FOLDER = "fold-review-events";

  /** The sink of the decisions held too long: the reviews topic's dead-letter topic. */
  static final String EXPIRED_DECISIONS = "dead-letter-expired-decisions";

  private ContributionViewTopology() {}

  /** Adds the views to a builder; {@code serdeConfig} configures the Avro serdes (registry URL). */
  public static void build(StreamsBuilder builder, Map<String, ?> serdeConfig) {
    build(builder, serdeConfig, new ViewChanges());
  }

  /**
   * Adds the views to a builder; {@code changes} hears of every contribution event folded, to wake
   * the requests waiting for it.
   */
  public static void build(
      StreamsBuilder builder, Map<String, ?> serdeConfig, ViewChanges changes) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CONTRIBUTIONS_STORE),
            Serdes.String(),
            ContributionStoreCodec.serde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(INDEX_STORE), Serdes.String(), Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(EARLY_DECISIONS_STORE),
            Serdes.String(),
            new JsonSerde<>(HeldDecisions.Waiting.class)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(IDEMPOTENCY_STORE),
            Serdes.String(),
            new JsonSerde<>(IdempotentRequest.class)));

    builder.stream(
            Topics.CONTRIBUTIONS.name(),
            Consumed.with(
                    Topics.CONTRIBUTIONS.keySerde(), Topics.CONTRIBUTIONS.valueSerde(serdeConfig))
                .withName("contribution-events"))
        .process(
            () -> new ContributionEventFolder(changes),
            org.apache.kafka.streams.kstream.Named.as(CONTRIBUTION_FOLDER),
            CONTRIBUTIONS_STORE,
            INDEX_STORE,
            IDEMPOTENCY_STORE,
            EARLY_DECISIONS_STORE);

    builder.stream(
            Topics.REVIEWS.name(),
            Consumed.with(
                    Topics.REVIEWS.keySerde(),
                    Sourced.serde(Topics.REVIEWS.valueSerde(serdeConfig)))
                .withName("review-events"))
        .process(
            () -> new ReviewEventFolder(EARLY_DECISION_BOUND),
            org.apache.kafka.streams.kstream.Named.as(REVIEW_FOLDER),
            CONTRIBUTIONS_STORE,
            INDEX_STORE,
            EARLY_DECISIONS_STORE)
        .to(
            Topics.REVIEWS.deadLetterTopic(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName(EXPIRED_DECISIONS));

    builder.globalTable(
        Topics.PROCESSES.name(),
        Consumed.with(Topics.PROCESSES.keySerde(), Topics.PROCESSES.valueSerde(serdeConfig))
            .withName("call-events"),
        Materialized.<String, CallForInputsEvent, KeyValueStore<Bytes, byte[]>>as(CALLS_STORE)
            .withKeySerde(Topics.PROCESSES.keySerde())
            .withValueSerde(Topics.PROCESSES.valueSerde(serdeConfig)));
  }
}
