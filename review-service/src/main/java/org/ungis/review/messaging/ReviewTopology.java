package org.ungis.review.messaging;

import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.review.ReviewEvent;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.command.RememberedRequest;
import org.ungis.review.review.ReviewItem;
import org.ungis.schemas.Topics;
import org.ungis.streams.IdempotencyHeaders;
import org.ungis.streams.JsonSerde;

/**
 * The stream topology of the review service: two local views, each a persistent state store with a
 * changelog topic.
 *
 * <ul>
 *   <li>{@link ViewStores#CALLS}: the latest snapshot of each call for inputs, from {@link
 *       Topics#PROCESSES} (the service's own topic, read back so that its state survives a
 *       restart);
 *   <li>{@link ViewStores#REVIEW_ITEMS}: each contribution under review, from {@link
 *       Topics#CONTRIBUTIONS} joined with {@link Topics#REVIEWS}. Both topics are keyed by
 *       contribution id and co-partitioned; both processors share the one store, so a
 *       contribution's events and its decisions are applied by the same task in order.
 * </ul>
 *
 * A record that cannot be decoded, or that the domain refuses, goes to its topic's DLT (see {@link
 * org.ungis.streams.StreamsDeadLetters}); the stream goes on.
 */
public final class ReviewTopology {

  private ReviewTopology() {}

  /**
   * Adds the topology to a builder.
   *
   * @param serdeConfig the serde settings ({@code schema.registry.url}, ...)
   * @param listener told after each event is applied to a view
   */
  public static void define(
      StreamsBuilder builder, Map<String, ?> serdeConfig, ViewListener listener) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ViewStores.CALLS), Serdes.String(), CallCodec.serde()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ViewStores.REVIEW_ITEMS),
            Serdes.String(),
            ReviewItemCodec.serde()));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ViewStores.CALL_REQUESTS),
            Serdes.String(),
            new JsonSerde<>(RememberedRequest.class, ViewJson.MAPPER)));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(ViewStores.DECISION_REQUESTS),
            Serdes.String(),
            new JsonSerde<>(RememberedRequest.class, ViewJson.MAPPER)));

    builder.stream(
            Topics.PROCESSES.name(),
            Consumed.with(TopicSerdes.key(), TopicSerdes.value(Topics.PROCESSES, serdeConfig))
                .withName("processes-source"))
        .process(
            () -> new CallProcessor(listener),
            Named.as("calls-view"),
            ViewStores.CALLS,
            ViewStores.CALL_REQUESTS);

    builder.stream(
            Topics.CONTRIBUTIONS.name(),
            Consumed.with(TopicSerdes.key(), TopicSerdes.value(Topics.CONTRIBUTIONS, serdeConfig))
                .withName("contributions-source"))
        .process(
            () -> new ContributionProcessor(listener),
            Named.as("review-items-from-contributions"),
            ViewStores.REVIEW_ITEMS);

    builder.stream(
            Topics.REVIEWS.name(),
            Consumed.with(TopicSerdes.key(), TopicSerdes.value(Topics.REVIEWS, serdeConfig))
                .withName("reviews-source"))
        .process(
            () -> new ReviewEventProcessor(listener),
            Named.as("review-items-from-reviews"),
            ViewStores.REVIEW_ITEMS,
            ViewStores.DECISION_REQUESTS);
  }

  /**
   * Keeps the latest snapshot of each call. A closed call is final ({@link
   * CallForInputs#followedBy}): a later open snapshot of it (written during a handover from a view
   * that had not seen the closure yet) is refused, goes to the DLT, and the view keeps the closed
   * call.
   */
  static final class CallProcessor implements Processor<String, CallForInputsEvent, Void, Void> {
    private final ViewListener listener;
    private KeyValueStore<String, CallForInputs> store;
    private KeyValueStore<String, RememberedRequest> requests;

    CallProcessor(ViewListener listener) {
      this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(ViewStores.CALLS);
      requests = context.getStateStore(ViewStores.CALL_REQUESTS);
    }

    @Override
    public void process(Record<String, CallForInputsEvent> record) {
      if (record.key() == null) {
        throw new IllegalArgumentException("call for inputs event without a key");
      }
      CallForInputsEvent event = record.value();
      if (event == null) {
        store.delete(record.key()); // a tombstone removes the call
        return;
      }
      requireKey(record.key(), event.getProcessId());
      CallForInputs current = store.get(record.key());
      CallForInputs next = AvroMapping.toCall(event);
      try {
        // closed is final: a snapshot that would reopen the call goes to the DLT (logged there)
        next = current == null ? next : current.followedBy(next);
      } catch (RuntimeException refused) {
        listener.refused(event.getEventId().toString());
        throw refused;
      }
      store.put(record.key(), next);
      remember(
          requests,
          record.headers(),
          event.getActor().getAgency(),
          event.getEventId(),
          record.key());
      listener.applied(event.getEventId().toString());
    }
  }

  /** Applies submissions, revisions and withdrawals to the review items. */
  static final class ContributionProcessor
      implements Processor<String, ContributionEvent, Void, Void> {
    private final ViewListener listener;
    private KeyValueStore<String, ReviewItem> store;

    ContributionProcessor(ViewListener listener) {
      this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(ViewStores.REVIEW_ITEMS);
    }

    @Override
    public void process(Record<String, ContributionEvent> record) {
      ContributionEvent event = record.value();
      if (event == null) {
        return; // the contributions topic is not compacted; a tombstone carries nothing
      }
      requireKey(record.key(), event.getContributionId());
      store.put(record.key(), AvroMapping.apply(store.get(record.key()), event));
      listener.applied(event.getEventId().toString());
      listener.itemUpdated(record.key());
    }
  }

  /** Applies recorded and refused decisions to the review items. */
  static final class ReviewEventProcessor implements Processor<String, ReviewEvent, Void, Void> {
    private final ViewListener listener;
    private KeyValueStore<String, ReviewItem> store;
    private KeyValueStore<String, RememberedRequest> requests;

    ReviewEventProcessor(ViewListener listener) {
      this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(ViewStores.REVIEW_ITEMS);
      requests = context.getStateStore(ViewStores.DECISION_REQUESTS);
    }

    @Override
    public void process(Record<String, ReviewEvent> record) {
      ReviewEvent event = record.value();
      if (event == null) {
        return;
      }
      requireKey(record.key(), event.getContributionId());
      store.put(record.key(), AvroMapping.apply(store.get(record.key()), event));
      remember(
          requests,
          record.headers(),
          event.getActor().getAgency(),
          event.getEventId(),
          record.key());
      listener.applied(event.getEventId().toString());
      listener.itemUpdated(record.key());
    }
  }

  private static void requireKey(String key, String id) {
    if (key == null || !key.equals(id)) {
      throw new IllegalArgumentException(
          "record key " + key + " does not match the event's id " + id);
    }
  }

  /** Remembers the keyed request an event carries, if any, under agency/key. */
  private static void remember(
      KeyValueStore<String, RememberedRequest> store,
      Headers headers,
      String agency,
      UUID eventId,
      String subject) {
    IdempotencyHeaders.read(headers)
        .ifPresent(
            keyed ->
                store.put(
                    IdempotencyHeaders.storeKey(agency, keyed.key()),
                    new RememberedRequest(keyed.fingerprint(), eventId.toString(), subject)));
  }
}
