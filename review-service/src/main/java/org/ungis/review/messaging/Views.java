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
import org.ungis.review.process.CallForInputs;
import org.ungis.review.review.ReviewItem;

/**
 * Reads the local views (interactive queries on the state stores). Throws {@link
 * ViewUnavailableException} while the streams are not running (starting, rebalancing).
 */
@Component
public class Views {

  private final StreamsBuilderFactoryBean streams;
  private final ViewWatcher watcher;

  Views(StreamsBuilderFactoryBean streams, ViewWatcher watcher) {
    this.streams = streams;
    this.watcher = watcher;
  }

  public Optional<CallForInputs> call(String processId) {
    return Optional.ofNullable(get(ViewStores.CALLS, processId));
  }

  public List<CallForInputs> calls() {
    return all(ViewStores.CALLS);
  }

  public Optional<ReviewItem> item(String contributionId) {
    return Optional.ofNullable(get(ViewStores.REVIEW_ITEMS, contributionId));
  }

  /**
   * The review item of a contribution once it satisfies a condition, waiting (bounded) for the view
   * to catch up with the topics, e.g. for a revision that contributions-service has just accepted.
   * Returns the item as it is when the time is up, if any.
   */
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

  public List<ReviewItem> items() {
    return all(ViewStores.REVIEW_ITEMS);
  }

  /** A request with an Idempotency-Key that changed a call, by {@code agency/key}. */
  public Optional<RememberedRequest> callRequest(String storeKey) {
    return Optional.ofNullable(get(ViewStores.CALL_REQUESTS, storeKey));
  }

  /** A request with an Idempotency-Key that recorded a decision, by {@code agency/key}. */
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
