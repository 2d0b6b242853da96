package org.ungis.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.ungis.streams.AdvertisedEndpoint;

/**
 * Which instance of a service owns a key of one partitioned state store: the one whose Kafka
 * Streams client holds the active task of the key's partition. Routing is on only when this
 * instance advertises its HTTP address as {@code application.server} ({@code
 * spring.kafka.streams.properties.application.server=host:port}); without it every question answers
 * "this instance", so one instance behaves exactly as a service that does not route.
 *
 * <p>One object per store: the store names the keys (e.g. contributions by id) and the topic
 * numbers the partitions (the store's input topic; co-partitioned topics share the numbers).
 */
public class PartitionOwners {

  /** How many random keys to draw at most when looking for one this instance owns. */
  static final int MAX_DRAWS = 1_000;

  /** Where a key lives. */
  public sealed interface Owner {}

  /** This instance holds the key's active task. */
  public record Local() implements Owner {}

  /** Another instance holds it, at this HTTP address. */
  public record Remote(HostInfo host) implements Owner {}

  /** Nobody is known to hold it right now (not started, rebalancing). */
  public record Unknown(String why) implements Owner {}

  private static final Owner LOCAL = new Local();

  private final StreamsBuilderFactoryBean streams;
  private final String store;
  private final String topic;
  private volatile Optional<HostInfo> self;

  /**
   * @param streams the service's Kafka Streams client
   * @param store the partitioned state store whose keys are routed
   * @param topic the store's input topic, whose partition numbers the assignment is read in
   */
  public PartitionOwners(StreamsBuilderFactoryBean streams, String store, String topic) {
    this.streams = streams;
    this.store = store;
    this.topic = topic;
  }

  /** This instance's advertised HTTP address, or empty when routing is off. */
  public Optional<HostInfo> self() {
    Optional<HostInfo> known = self;
    if (known == null) {
      known = AdvertisedEndpoint.of(streams.getStreamsConfiguration());
      self = known;
    }
    return known;
  }

  /** True when instances route requests to each other ({@code application.server} is set). */
  public boolean routing() {
    return self().isPresent();
  }

  /** The owner of a key of the store. */
  public Owner ownerOf(String key) {
    Optional<HostInfo> me = self();
    if (me.isEmpty()) {
      return LOCAL;
    }
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return new Unknown("the views are not started yet");
    }
    KeyQueryMetadata metadata;
    try {
      metadata = metadata(kafkaStreams, key);
    } catch (RuntimeException e) {
      return new Unknown("the views are " + kafkaStreams.state());
    }
    if (metadata == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || metadata.activeHost() == null
        || metadata.activeHost().port() < 0) {
      return new Unknown("the views are being rebalanced");
    }
    return metadata.activeHost().equals(me.get()) ? LOCAL : new Remote(metadata.activeHost());
  }

  /**
   * Makes sure that a miss in this instance's store is an answer ("there is none") and not an
   * effect of the partition moving: this instance must be the key's active host <em>and</em> hold
   * the partition's store in a queryable state (during a handover the assignment can name this
   * instance before its task has arrived or finished restoring).
   *
   * @throws RoutingUnavailableException otherwise
   */
  public void checkServedHere(String key) {
    if (!routing()) {
      return;
    }
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw unavailable("the views are not started yet");
    }
    KeyQueryMetadata metadata;
    try {
      metadata = metadata(kafkaStreams, key);
    } catch (RuntimeException e) {
      throw unavailable("the views are " + kafkaStreams.state());
    }
    if (metadata == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || !self().get().equals(metadata.activeHost())) {
      throw unavailable("the key's partition moved to another instance");
    }
    try {
      ReadOnlyKeyValueStore<String, Object> partitionStore =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                      store, QueryableStoreTypes.<String, Object>keyValueStore())
                  .withPartition(metadata.partition()));
      partitionStore.get(key);
    } catch (InvalidStateStoreException e) {
      throw unavailable(
          "partition " + metadata.partition() + " is being handed over to this instance");
    }
  }

  private KeyQueryMetadata metadata(KafkaStreams kafkaStreams, String key) {
    return kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
  }

  private static RoutingUnavailableException unavailable(String why) {
    return new RoutingUnavailableException("The views are not ready (" + why + "); retry");
  }

  /**
   * A new key, drawn from {@code candidates}, whose partition this instance owns, so that the
   * write's own view and the per-key lock are here. Expected draws: the number of instances. Falls
   * back to any drawn key when this instance owns no partition (more instances than partitions) or
   * ownership is unknown.
   */
  public String newLocalKey(Supplier<String> candidates) {
    if (!routing()) {
      return candidates.get(); // one instance owns every partition (and getKafkaStreams() locks)
    }
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    Set<Integer> mine = localPartitions();
    if (kafkaStreams != null && !mine.isEmpty()) {
      HostInfo me = self().get();
      try {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
          String key = candidates.get();
          KeyQueryMetadata metadata = metadata(kafkaStreams, key);
          if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            break;
          }
          if (me.equals(metadata.activeHost()) && mine.contains(metadata.partition())) {
            return key;
          }
        }
      } catch (RuntimeException e) {
        // not running: any key will do
      }
    }
    return candidates.get();
  }

  /**
   * The other instances that hold active partitions of the topic, as the group's latest assignment
   * says.
   */
  public List<HostInfo> peers() {
    Optional<HostInfo> me = self();
    return allClients().stream()
        .filter(m -> !ofTopic(m.topicPartitions()).isEmpty())
        .map(StreamsMetadata::hostInfo)
        .filter(h -> me.isEmpty() || !h.equals(me.get()))
        .distinct()
        .toList();
  }

  /** Every partition of the topic the group's assignment gives to an instance. */
  public Set<Integer> assignedPartitions() {
    Set<Integer> partitions = new HashSet<>();
    for (StreamsMetadata m : allClients()) {
      partitions.addAll(ofTopic(m.topicPartitions()));
    }
    return partitions;
  }

  /** The partitions of the topic whose active task runs in this instance. */
  public Set<Integer> localPartitions() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return Set.of();
    }
    Set<Integer> partitions = new HashSet<>();
    try {
      for (ThreadMetadata thread : kafkaStreams.metadataForLocalThreads()) {
        for (TaskMetadata task : thread.activeTasks()) {
          partitions.addAll(ofTopic(task.topicPartitions()));
        }
      }
    } catch (RuntimeException e) {
      return Set.of();
    }
    return partitions;
  }

  /**
   * This instance's share of a list: {@code matching} read from its local store (every active
   * partition), sorted, its first {@code limit}, and the partitions it covers. An instance with no
   * partition answers an empty share.
   *
   * @throws RoutingUnavailableException if the local partitions changed during the read
   */
  public <T> Share<T> localShare(
      Supplier<List<T>> matching, Comparator<? super T> order, int limit) {
    Set<Integer> before = localPartitions();
    if (before.isEmpty()) {
      return Share.none();
    }
    List<T> found = new ArrayList<>(matching.get());
    if (!before.equals(localPartitions())) {
      throw new RoutingUnavailableException("The views were rebalanced during the list; retry");
    }
    found.sort(order);
    return new Share<>(before, found.size(), found.subList(0, Math.min(limit, found.size())));
  }

  /**
   * This instance's share of a list, read by {@code firstMatches} from its active partitions (which
   * it is given): how many match there and the first of them in the list's order (at least {@code
   * from + count} of a {@link ListGathering#gather}), for a view that reads no more than the page
   * needs (an index). An instance with no partition answers an empty share.
   *
   * @throws RoutingUnavailableException if the local partitions changed during the read
   */
  public <T> Share<T> localShare(Function<Set<Integer>, ListMerge.Merged<T>> firstMatches) {
    Set<Integer> before = localPartitions();
    if (before.isEmpty()) {
      return Share.none();
    }
    ListMerge.Merged<T> found = firstMatches.apply(before);
    if (!before.equals(localPartitions())) {
      throw new RoutingUnavailableException("The views were rebalanced during the list; retry");
    }
    return new Share<>(before, found.total(), found.items());
  }

  private List<StreamsMetadata> allClients() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return List.of();
    }
    try {
      return List.copyOf(kafkaStreams.metadataForAllStreamsClients());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private Set<Integer> ofTopic(Set<TopicPartition> partitions) {
    Set<Integer> numbers = new HashSet<>();
    for (TopicPartition p : partitions) {
      if (p.topic().equals(topic)) {
        numbers.add(p.partition());
      }
    }
    return numbers;
  }
}
