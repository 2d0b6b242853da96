package org.ungis.contributions.routing;

import java.util.Set;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.ContributionOrder;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.contributions.contribution.messaging.ContributionMatches;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;
import org.ungis.routing.ListMerge;
import org.ungis.routing.RoutingUnavailableException;
import org.ungis.routing.Share;

/**
 * This instance's share of a list: the contributions in its active partitions that match a filter,
 * in the list's order, the first {@code limit} of them and how many match ({@link
 * ContributionMatches}: through the index when the filter names an agency).
 */
@Component
class LocalMatches {

  private final StreamsBuilderFactoryBean streams;
  private final ContributionOwners owners;

  LocalMatches(StreamsBuilderFactoryBean streams, ContributionOwners owners) {
    this.streams = streams;
    this.owners = owners;
  }

  Share<Contribution.State> find(ContributionFilter filter, ContributionOrder order, int limit) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not started yet");
    }
    try {
      return owners.localShare(
          (Set<Integer> partitions) -> {
            ContributionMatches.Found found =
                ContributionMatches.first(stores(kafkaStreams), partitions, filter, order, limit);
            return new ListMerge.Merged<>(found.items(), found.total());
          });
    } catch (InvalidStateStoreException e) {
      throw new RefusedException(
          Refusal.UNAVAILABLE,
          "The views are not ready (" + e.getClass().getSimpleName() + "); retry");
    } catch (RoutingUnavailableException e) {
      throw new RefusedException(Refusal.UNAVAILABLE, e.getMessage());
    }
  }

  private static ContributionMatches.PartitionStores stores(KafkaStreams kafkaStreams) {
    return new ContributionMatches.PartitionStores() {
      @Override
      public ReadOnlyKeyValueStore<String, Contribution.State> contributions(int partition) {
        return store(kafkaStreams, ContributionViewTopology.CONTRIBUTIONS_STORE, partition);
      }

      @Override
      public ReadOnlyKeyValueStore<String, String> index(int partition) {
        return store(kafkaStreams, ContributionViewTopology.INDEX_STORE, partition);
      }
    };
  }

  private static <V> ReadOnlyKeyValueStore<String, V> store(
      KafkaStreams kafkaStreams, String name, int partition) {
    return kafkaStreams.store(
        StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
            .withPartition(partition));
  }
}
