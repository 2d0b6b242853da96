package org.ungis.contributions.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;
import org.ungis.routing.RoutingUnavailableException;
import org.ungis.routing.Share;

/**
 * This instance's share of a list: the contributions in its active partitions that match a filter,
 * in the list's order (submittedAt, then id), the first {@code limit} of them and how many match.
 */
@Component
class LocalMatches {

  static final Comparator<Contribution.State> ORDER =
      Comparator.comparing(Contribution.State::submittedAt).thenComparing(Contribution.State::id);

  private final StreamsBuilderFactoryBean streams;
  private final ContributionOwners owners;

  LocalMatches(StreamsBuilderFactoryBean streams, ContributionOwners owners) {
    this.streams = streams;
    this.owners = owners;
  }

  Share<Contribution.State> find(ContributionFilter filter, int limit) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not started yet");
    }
    try {
      return owners.localShare(() -> matching(kafkaStreams, filter), ORDER, limit);
    } catch (InvalidStateStoreException e) {
      throw new RefusedException(
          Refusal.UNAVAILABLE,
          "The views are not ready (" + e.getClass().getSimpleName() + "); retry");
    } catch (RoutingUnavailableException e) {
      throw new RefusedException(Refusal.UNAVAILABLE, e.getMessage());
    }
  }

  private static List<Contribution.State> matching(
      KafkaStreams kafkaStreams, ContributionFilter filter) {
    List<Contribution.State> matching = new ArrayList<>();
    ReadOnlyKeyValueStore<String, Contribution.State> store =
        kafkaStreams.store(
            StoreQueryParameters.fromNameAndType(
                ContributionViewTopology.CONTRIBUTIONS_STORE,
                QueryableStoreTypes.<String, Contribution.State>keyValueStore()));
    try (KeyValueIterator<String, Contribution.State> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, Contribution.State> next = all.next();
        if (filter.matches(Contribution.restore(next.value))) {
          matching.add(next.value);
        }
      }
    }
    return matching;
  }
}
