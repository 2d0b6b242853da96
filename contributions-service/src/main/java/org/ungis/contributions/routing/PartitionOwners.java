package org.ungis.contributions.routing;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;
import org.ungis.schemas.Topics;

/**
 * Which instance of the service owns a contribution: the one whose Kafka Streams client holds the
 * active task of the contribution id's partition (and so its {@value
 * ContributionViewTopology#CONTRIBUTIONS_STORE} and {@value
 * ContributionViewTopology#IDEMPOTENCY_STORE} entries). Routing is on only when this instance
 * advertises its HTTP address as {@code application.server} ({@code
 * spring.kafka.streams.properties.application.server=host:port}); without it every question answers
 * "this instance", so one instance behaves exactly as before.
 */
@Component
public class PartitionOwners {

  /** How many random ids to draw at most when looking for one this instance owns. */
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
  private volatile Optional<HostInfo> self;

  public PartitionOwners(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  /** This instance's advertised HTTP address, or empty when routing is off. */
  public Optional<HostInfo> self() {
    Optional<HostInfo> known = self;
    if (known == null) {
      String endpoint =
          streams.getStreamsConfiguration() == null
              ? null
              : streams
                  .getStreamsConfiguration()
                  .getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
      known =
          endpoint == null || endpoint.isBlank()
              ? Optional.empty()
              : Optional.of(HostInfo.buildFromEndpoint(endpoint.trim()));
      self = known;
    }
    return known;
  }

  /** True when instances route requests to each other ({@code application.server} is set). */
  public boolean routing() {
    return self().isPresent();
  }

  /** The owner of a contribution id (the key of the contributions store). */
  public Owner ownerOf(String contributionId) {
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
      metadata =
          kafkaStreams.queryMetadataForKey(
              ContributionViewTopology.CONTRIBUTIONS_STORE,
              contributionId,
              Serdes.String().serializer());
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
   * Makes sure that a miss in this instance's views is an answer ("there is none") and not an
   * effect of the partition moving: this instance must be the key's active host <em>and</em> hold
   * the partition's store in a queryable state (during a handover the assignment can name this
   * instance before its task has arrived or finished restoring). Otherwise 503 {@code unavailable}.
   */
  public void checkServedHere(String contributionId) {
    if (!routing()) {
      return;
    }
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw unavailable("the views are not started yet");
    }
    KeyQueryMetadata metadata;
    try {
      metadata =
          kafkaStreams.queryMetadataForKey(
              ContributionViewTopology.CONTRIBUTIONS_STORE,
              contributionId,
              Serdes.String().serializer());
    } catch (RuntimeException e) {
      throw unavailable("the views are " + kafkaStreams.state());
    }
    if (metadata == null
        || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)
        || !self().get().equals(metadata.activeHost())) {
      throw unavailable("the contribution's partition moved to another instance");
    }
    try {
      ReadOnlyKeyValueStore<String, Object> partitionStore =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                      ContributionViewTopology.CONTRIBUTIONS_STORE,
                      QueryableStoreTypes.<String, Object>keyValueStore())
                  .withPartition(metadata.partition()));
      partitionStore.get(contributionId);
    } catch (InvalidStateStoreException e) {
      throw unavailable(
          "partition " + metadata.partition() + " is being handed over to this instance");
    }
  }

  private static RefusedException unavailable(String why) {
    return new RefusedException(
        Refusal.UNAVAILABLE, "The views are not ready (" + why + "); retry");
  }

  /**
   * A new random contribution id whose partition this instance owns, so that the write's own view
   * (read-your-writes) and the per-contribution lock are here. Expected draws: the number of
   * instances. Falls back to any random id when this instance owns no partition (more instances
   * than partitions) or ownership is unknown: the write is then still correct and durable, only its
   * answer may wait {@code ungis.view-timeout} for a view that lives elsewhere.
   */
  public String newContributionId() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    Set<Integer> mine = routing() ? localPartitions() : Set.of();
    if (kafkaStreams != null && !mine.isEmpty()) {
      HostInfo me = self().get();
      try {
        for (int draw = 0; draw < MAX_DRAWS; draw++) {
          String id = UUID.randomUUID().toString();
          KeyQueryMetadata metadata =
              kafkaStreams.queryMetadataForKey(
                  ContributionViewTopology.CONTRIBUTIONS_STORE, id, Serdes.String().serializer());
          if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
            break;
          }
          if (me.equals(metadata.activeHost()) && mine.contains(metadata.partition())) {
            return id;
          }
        }
      } catch (RuntimeException e) {
        // not running: any id will do
      }
    }
    return UUID.randomUUID().toString();
  }

  /**
   * The other instances that hold active partitions of the contributions store, as the group's
   * latest assignment says.
   */
  public List<HostInfo> peers() {
    Optional<HostInfo> me = self();
    return allClients().stream()
        .filter(m -> !m.topicPartitions().isEmpty())
        .map(StreamsMetadata::hostInfo)
        .filter(h -> me.isEmpty() || !h.equals(me.get()))
        .distinct()
        .toList();
  }

  /** Every partition of the contributions topic the group's assignment gives to an instance. */
  public Set<Integer> assignedPartitions() {
    Set<Integer> partitions = new HashSet<>();
    for (StreamsMetadata m : allClients()) {
      partitions.addAll(contributionPartitions(m.topicPartitions()));
    }
    return partitions;
  }

  /** The partitions of the contributions topic whose active task runs in this instance. */
  public Set<Integer> localPartitions() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return Set.of();
    }
    Set<Integer> partitions = new HashSet<>();
    try {
      for (ThreadMetadata thread : kafkaStreams.metadataForLocalThreads()) {
        for (TaskMetadata task : thread.activeTasks()) {
          partitions.addAll(contributionPartitions(task.topicPartitions()));
        }
      }
    } catch (RuntimeException e) {
      return Set.of();
    }
    return partitions;
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

  private static Set<Integer> contributionPartitions(Set<TopicPartition> partitions) {
    Set<Integer> numbers = new HashSet<>();
    for (TopicPartition p : partitions) {
      if (p.topic().equals(Topics.CONTRIBUTIONS.name())) {
        numbers.add(p.partition());
      }
    }
    return numbers;
  }
}
