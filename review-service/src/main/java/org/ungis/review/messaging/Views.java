package org.ungis.review.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallViews;
import org.ungis.review.command.RememberedRequest;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.review.ReviewViews;

/**
 * Reads the local views (interactive queries on the state stores). Throws {@link
 * ViewUnavailableException} while the streams are not running (starting, rebalancing).
 *
 * <p>With several instances each holds only its partitions of the views; the routing layer has
 * brought a request about one call or one item to the instance that owns it, and a miss here is
 * confirmed against the key's partition ({@link
 * org.ungis.routing.PartitionOwners#checkServedHere}): a partition in handover answers 503 ({@link
 * org.ungis.routing.RoutingUnavailableException}), never a wrong 404. Decisions read their call
 * wherever it lives ({@link #anyCall}), from the {@link CallReplica}.
 */
@Component
public class Views implements CallViews, ReviewViews {

  private final StreamsBuilderFactoryBean streams;
  private final ViewWatcher watcher;
  private final ItemOwners itemOwners;
  private final CallOwners callOwners;
  private final CallReplica replica;

  Views(
      StreamsBuilderFactoryBean streams,
      ViewWatcher watcher,
      ItemOwners itemOwners,
      CallOwners callOwners,
      CallReplica replica) {
    this.streams = streams;
    this.watcher = watcher;
    this.itemOwners = itemOwners;
    this.callOwners = callOwners;
    this.replica = replica;
  }

  /** A call from this instance's view: the instance that owns its partition. */
  @Override
  public Optional<CallForInputs> call(String processId) {
    CallForInputs call = get(ViewStores.CALLS, processId);
    if (call == null && callOwners.routing()) {
      callOwners.checkServedHere(processId);
      call = get(ViewStores.CALLS, processId);
    }
    return Optional.ofNullable(call);
  }

  /**
   * A call on any instance, for a decision: from this instance's view if it holds the call's
   * partition, else from the replica of every call, waiting up to {@code wait} for a call opened a
   * moment ago through another instance.
   */
  @Override
  public Optional<CallForInputs> anyCall(String processId, Duration wait) {
    CallForInputs call = get(ViewStores.CALLS, processId);
    if (call != null || !replica.enabled()) {
      return Optional.ofNullable(call);
    }
    return replica.call(processId, wait);
  }

  /** Every call: the local view with one instance, the replica with several. */
  @Override
  public List<CallForInputs> calls() {
    return replica.enabled() ? replica.all() : all(ViewStores.CALLS);
  }

  @Override
  public Optional<ReviewItem> item(String contributionId) {
    ReviewItem item = get(ViewStores.REVIEW_ITEMS, contributionId);
    if (item == null && itemOwners.routing()) {
      itemOwners.checkServedHere(contributionId);
      item = get(ViewStores.REVIEW_ITEMS, contributionId);
    }
    return Optional.ofNullable(item);
  }

  /**
   * The review item of a contribution once it satisfies a condition, waiting (bounded) for the view
   * to catch up with the topics, e.g. for a revision that contributions-service has just accepted.
   * Returns the item as it is when the time is up, if any.
   */
  @Override
  public Optional<ReviewItem> itemWhen(
      String contributionId, Predicate<ReviewItem> ready, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      CompletableFuture<Void> next = watcher.nextItemUpdate(contributionId);
      Optional<ReviewItem> item = item(contributionId);
      long left = deadline - System.nanoTime();
      if (item.filter(ready).isPresent() || left <= 0) {
        return item;
      }
      try {
        next.get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        return item(contributionId);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return item;
      }
    }
  }

  /** The review items of this instance's partitions (all of them with one instance). */
  @Override
  public List<ReviewItem> items() {
    return all(ViewStores.REVIEW_ITEMS);
  }

  /** A request with an Idempotency-Key that changed a call, by {@code agency/key}. */
  @Override
  public Optional<RememberedRequest> callRequest(String storeKey) {
    return Optional.ofNullable(get(ViewStores.CALL_REQUESTS, storeKey));
  }

  /** A request with an Idempotency-Key that recorded a decision, by {@code agency/key}. */
  @Override
  public Optional<RememberedRequest> decisionRequest(String storeKey) {
    return Optional.ofNullable(get(ViewStores.DECISION_REQUESTS, storeKey));
  }

  private <V> V get(String name, String key) {
    try {
      return this.<V>store(name).get(key);
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailableException(name, e);
    }
  }

  private <V> List<V> all(String name) {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, V> it = this.<V>store(name).all()) {
      it.forEachRemaining(kv -> values.add(kv.value));
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailableException(name, e);
    }
    return values;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new ViewUnavailableException(name, null);
    }
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(
              name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new ViewUnavailableException(name, e);
    }
  }
}
