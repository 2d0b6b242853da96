package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionQuery;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Page;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.schemas.Topics;
import org.ungis.streams.CatchUpBarrier;
import org.ungis.streams.IdempotencyHeaders;
import org.ungis.streams.ViewCatchingUpException;

/**
 * Serves the views from this instance's local state stores (interactive queries). One instance
 * holds every partition today; with several instances, a key's store may live elsewhere and a read
 * must be routed to the instance that {@code KafkaStreams.queryMetadataForKey} names.
 */
@Component
class StreamsViews implements ContributionViews {

  private final LocalStores stores;
  private final ViewChanges changesSeen;
  private final CatchUpBarrier caughtUp;

  /** What a contribution's view is folded from: its partition of both topics (co-partitioned). */
  static final CatchUpBarrier.View CONTRIBUTIONS =
      CatchUpBarrier.View.of(
          ContributionViewTopology.CONTRIBUTIONS_STORE,
          Topics.CONTRIBUTIONS.name(),
          Topics.REVIEWS.name());

  StreamsViews(LocalStores stores, ViewChanges changesSeen, CatchUpBarrier caughtUp) {
    this.stores = stores;
    this.changesSeen = changesSeen;
    this.caughtUp = caughtUp;
  }

  @Override
  public void awaitCaughtUp(String id, Duration timeout) {
    try {
      caughtUp.awaitCaughtUp(CONTRIBUTIONS, id, timeout);
    } catch (ViewCatchingUpException e) {
      throw behind(e);
    }
  }

  @Override
  public void awaitAllCaughtUp(Duration timeout) {
    try {
      caughtUp.awaitAllCaughtUp(CONTRIBUTIONS, timeout);
    } catch (ViewCatchingUpException e) {
      throw behind(e);
    }
  }

  private static RefusedException behind(ViewCatchingUpException cause) {
    RefusedException refused =
        new RefusedException(
            Refusal.UNAVAILABLE,
            "The view is catching up with the latest changes after a restart or a rebalance; retry");
    refused.initCause(cause);
    return refused;
  }

  @Override
  public Optional<Contribution> find(String id) {
    return Optional.ofNullable(contributions().get(id)).map(Contribution::restore);
  }

  @Override
  public Optional<Contribution> awaitChanges(String id, int changes, Duration timeout) {
    return changesSeen.await(
        id, () -> findQuietly(id).filter(c -> c.changes() >= changes), timeout);
  }

  private Optional<Contribution> findQuietly(String id) {
    try {
      return find(id);
    } catch (RefusedException e) {
      return Optional.empty();
    }
  }

  @Override
  public Page<Contribution> list(ContributionQuery query) {
    ContributionMatches.Found found;
    try {
      found =
          ContributionMatches.first(
              partitionStores(),
              stores.localPartitions(Topics.CONTRIBUTIONS.name()),
              query.filter(),
              query.order(),
              query.limit());
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
    List<Contribution> items =
        found.items().stream()
            .skip((long) query.page() * query.size())
            .map(Contribution::restore)
            .toList();
    int totalPages = (int) ((found.total() + query.size() - 1) / query.size());
    return new Page<>(items, query.page(), query.size(), found.total(), totalPages);
  }

  /** This instance's stores, partition by partition. */
  ContributionMatches.PartitionStores partitionStores() {
    return new ContributionMatches.PartitionStores() {
      @Override
      public ReadOnlyKeyValueStore<String, Contribution.State> contributions(int partition) {
        return stores.keyValueStore(ContributionViewTopology.CONTRIBUTIONS_STORE, partition);
      }

      @Override
      public ReadOnlyKeyValueStore<String, String> index(int partition) {
        return stores.keyValueStore(ContributionViewTopology.INDEX_STORE, partition);
      }
    };
  }

  @Override
  public Optional<IdempotentRequest> idempotentRequest(String agency, String key) {
    ReadOnlyKeyValueStore<String, IdempotentRequest> store =
        store(ContributionViewTopology.IDEMPOTENCY_STORE);
    try {
      return Optional.ofNullable(store.get(IdempotencyHeaders.storeKey(agency, key)));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  private ReadOnlyKeyValueStore<String, Contribution.State> contributions() {
    ReadOnlyKeyValueStore<String, Contribution.State> store =
        store(ContributionViewTopology.CONTRIBUTIONS_STORE);
    return new ReadOnlyKeyValueStore<>() {
      @Override
      public Contribution.State get(String key) {
        try {
          return store.get(key);
        } catch (InvalidStateStoreException e) {
          throw unavailable(e);
        }
      }

      @Override
      public KeyValueIterator<String, Contribution.State> range(String from, String to) {
        return store.range(from, to);
      }

      @Override
      public KeyValueIterator<String, Contribution.State> all() {
        return store.all();
      }

      @Override
      public long approximateNumEntries() {
        return store.approximateNumEntries();
      }
    };
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
    return stores.keyValueStore(name);
  }

  private RefusedException unavailable(InvalidStateStoreException e) {
    return stores.unavailable(e);
  }
}
