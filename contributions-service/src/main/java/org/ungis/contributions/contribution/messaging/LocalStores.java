package org.ungis.contributions.contribution.messaging;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;

/**
 * Access to this instance's queryable stores; a store that is not ready is a 503, not a 500. The
 * handle of each store is kept until the streams client is replaced or a read through it fails:
 * {@code StreamsBuilderFactoryBean.getKafkaStreams()} takes the factory's lifecycle lock, and
 * asking it (and building a handle) on every read was a point of contention under load.
 */
@Component
class LocalStores {

  private volatile KafkaStreams current;
  private final Map<String, ReadOnlyKeyValueStore<String, ?>> handles = new ConcurrentHashMap<>();

  LocalStores(StreamsBuilderFactoryBean streams) {
    streams.addListener(
        new StreamsBuilderFactoryBean.Listener() {
          @Override
          public void streamsAdded(String id, KafkaStreams added) {
            handles.clear();
            current = added;
          }

          @Override
          public void streamsRemoved(String id, KafkaStreams removed) {
            current = null;
            handles.clear();
          }
        });
  }

  @SuppressWarnings("unchecked")
  <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name) {
    ReadOnlyKeyValueStore<String, ?> known = handles.get(name);
    if (known != null) {
      return (ReadOnlyKeyValueStore<String, V>) known;
    }
    KafkaStreams kafkaStreams = current;
    if (kafkaStreams == null) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not started yet");
    }
    try {
      ReadOnlyKeyValueStore<String, V> store =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  name, QueryableStoreTypes.<String, V>keyValueStore()));
      handles.put(name, store);
      return store;
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    } catch (IllegalStateException notRunning) {
      // KafkaStreams.store while the instance is leaving (PENDING_SHUTDOWN) or failed: a 503 that
      // the caller retries on another instance, not a 500.
      handles.clear();
      throw new RefusedException(
          Refusal.UNAVAILABLE, "The views are stopping (" + notRunning.getMessage() + "); retry");
    }
  }

  /**
   * The store {@code name} of one partition only (its task's own store), for reads that go
   * partition by partition, as the index's do ({@link ContributionMatches}).
   */
  @SuppressWarnings("unchecked")
  <V> ReadOnlyKeyValueStore<String, V> keyValueStore(String name, int partition) {
    String handle = name + "#" + partition;
    ReadOnlyKeyValueStore<String, ?> known = handles.get(handle);
    if (known != null) {
      return (ReadOnlyKeyValueStore<String, V>) known;
    }
    try {
      ReadOnlyKeyValueStore<String, V> store =
          streams()
              .store(
                  StoreQueryParameters.fromNameAndType(
                          name, QueryableStoreTypes.<String, V>keyValueStore())
                      .withPartition(partition));
      handles.put(handle, store);
      return store;
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  /** The partitions of {@code topic} whose active task runs here; 503 when there is none. */
  Set<Integer> localPartitions(String topic) {
    Set<Integer> partitions = new HashSet<>();
    try {
      for (ThreadMetadata thread : streams().metadataForLocalThreads()) {
        for (TaskMetadata task : thread.activeTasks()) {
          for (TopicPartition partition : task.topicPartitions()) {
            if (partition.topic().equals(topic)) {
              partitions.add(partition.partition());
            }
          }
        }
      }
    } catch (IllegalStateException e) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not ready; retry");
    }
    if (partitions.isEmpty()) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not ready; retry");
    }
    return partitions;
  }

  private KafkaStreams streams() {
    KafkaStreams kafkaStreams = current;
    if (kafkaStreams == null) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not started yet");
    }
    return kafkaStreams;
  }

  /** A 503 for a read that failed; the next read asks for fresh handles. */
  RefusedException unavailable(InvalidStateStoreException e) {
    handles.clear();
    return new RefusedException(
        Refusal.UNAVAILABLE,
        "The views are not ready (" + e.getClass().getSimpleName() + "); retry");
  }
}
