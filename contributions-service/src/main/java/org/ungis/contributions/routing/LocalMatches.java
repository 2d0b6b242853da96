package org.ungis.contributions.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionQuery;
import org.ungis.contributions.contribution.ContributionStatus;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;

/**
 * This instance's share of a list: the contributions in its active partitions that match a filter,
 * in the list's order (submittedAt, then id), the first {@code limit} of them and how many match.
 */
@Component
class LocalMatches {

  static final Comparator<Contribution> ORDER =
      Comparator.comparing(Contribution::submittedAt).thenComparing(Contribution::id);

  /**
   * @param partitions the contributions topic partitions this share covers
   * @param total how many contributions of those partitions match
   * @param items the first matches, in order
   */
  record Share<T>(Set<Integer> partitions, long total, List<T> items) {}

  private final StreamsBuilderFactoryBean streams;
  private final PartitionOwners owners;

  LocalMatches(StreamsBuilderFactoryBean streams, PartitionOwners owners) {
    this.streams = streams;
    this.owners = owners;
  }

  Share<Contribution> find(String agency, String processId, ContributionStatus status, int limit) {
    ContributionQuery filter = new ContributionQuery(agency, processId, status, 0, 1);
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not started yet");
    }
    Set<Integer> before = owners.localPartitions();
    if (before.isEmpty()) {
      return new Share<>(Set.of(), 0, List.of()); // more instances than partitions: none here
    }
    List<Contribution> matching = new ArrayList<>();
    try {
      ReadOnlyKeyValueStore<String, Contribution.State> store =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  ContributionViewTopology.CONTRIBUTIONS_STORE,
                  QueryableStoreTypes.<String, Contribution.State>keyValueStore()));
      try (KeyValueIterator<String, Contribution.State> all = store.all()) {
        while (all.hasNext()) {
          KeyValue<String, Contribution.State> next = all.next();
          Contribution c = Contribution.restore(next.value);
          if (filter.matches(c)) {
            matching.add(c);
          }
        }
      }
    } catch (InvalidStateStoreException e) {
      throw new RefusedException(
          Refusal.UNAVAILABLE,
          "The views are not ready (" + e.getClass().getSimpleName() + "); retry");
    }
    if (!before.equals(owners.localPartitions())) {
      throw new RefusedException(
          Refusal.UNAVAILABLE, "The views were rebalanced during the list; retry");
    }
    matching.sort(ORDER);
    List<Contribution> first = matching.subList(0, Math.min(limit, matching.size()));
    return new Share<>(before, matching.size(), List.copyOf(first));
  }
}
