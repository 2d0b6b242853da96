package org.ungis.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes a read or a write wait until a view has applied what was already written to the key's
 * partitions, once per partition after the streams (re)entered {@code RUNNING} or {@code
 * REBALANCING}. A task serves its store as soon as the store is queryable, which can be before it
 * has processed the last records of its input partitions: after a restart, the write this instance
 * acknowledged just before it was killed, whose client now retries; after a rebalance, the write
 * the previous owner made a moment before the handover. Without the wait the retry would not find
 * the earlier write and would be written a second time.
 *
 * <p>So the first call for a partition of a {@link View} reads the end offsets of that partition of
 * the view's input topics ({@code read_committed}) and waits, bounded, until the streams' consumer
 * group has committed them: with exactly-once processing a committed offset means every record
 * before it is in the store. From then on the partition's new records are this instance's own
 * writes, which the services wait for themselves, and calls pass at once (one set lookup) until the
 * assignment changes again.
 *
 * <p>A service creates one with {@link #listeningTo} (it becomes the streams' state listener),
 * declares its views as constants, and translates {@link ViewCatchingUpException} into its own
 * {@code 503}.
 */
public final class CatchUpBarrier implements KafkaStreams.StateListener, AutoCloseable {

  private static final long POLL_MILLIS = 50;

  /**
   * A state store and the co-partitioned input topics it is folded from.
   *
   * @param store the store's name, as the streams' metadata knows it
   * @param topics its input topics; the first one numbers the partitions
   */
  public record View(String store, List<String> topics) {
    public View {
      Objects.requireNonNull(store, "store");
      topics = List.copyOf(topics);
      if (topics.isEmpty()) {
        throw new IllegalArgumentException("a view is folded from at least one topic");
      }
    }

    public static View of(String store, String... topics) {
      return new View(store, List.of(topics));
    }
  }

  private record Slot(String store, int partition) {}

  private final Supplier<String> group;
  private final BooleanSupplier routing;
  private final Supplier<KafkaStreams> streams;
  private final GroupProgress progress;
  private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();

  /** The (store, partition) pairs caught up with since the assignment last changed. */
  private final Set<Slot> caughtUp = ConcurrentHashMap.newKeySet();

  private final AtomicLong assignment = new AtomicLong();

  /**
   * @param group the streams' consumer group (their application id)
   * @param routing whether instances route to each other: then a key's partition is read from the
   *     streams' metadata, which also proves the assignment is known
   * @param streams the running client (read only when routing)
   * @param progress where end offsets and the group's committed offsets are read
   */
  CatchUpBarrier(
      Supplier<String> group,
      BooleanSupplier routing,
      Supplier<KafkaStreams> streams,
      GroupProgress progress) {
    this.group = group;
    this.routing = routing;
    this.streams = streams;
    this.progress = progress;
  }

  /**
   * A barrier for a service's streams, registered as their state listener (partitions move only in
   * a rebalance, which the streams leave by (re)entering {@code RUNNING}).
   *
   * @param streams the service's Kafka Streams client
   * @param kafka Boot's admin, whose configuration (with the service's connection details) the
   *     barrier's admin client is built from
   * @param clientId the admin client's id, unless the configuration sets one
   */
  public static CatchUpBarrier listeningTo(
      StreamsBuilderFactoryBean streams, KafkaAdmin kafka, String clientId) {
    Map<String, Object> adminConfig = new HashMap<>(kafka.getConfigurationProperties());
    adminConfig.putIfAbsent("client.id", clientId);
    CatchUpBarrier barrier =
        new CatchUpBarrier(
            () ->
                streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG),
            () -> AdvertisedEndpoint.of(streams.getStreamsConfiguration()).isPresent(),
            streams::getKafkaStreams,
            new AdminGroupProgress(adminConfig));
    streams.setStateListener(barrier);
    return barrier;
  }

  /** The assignment may have changed: every partition must be caught up with again. */
  @Override
  public void onChange(KafkaStreams.State now, KafkaStreams.State before) {
    if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.REBALANCING) {
      synchronized (caughtUp) {
        assignment.incrementAndGet();
        caughtUp.clear();
      }
    }
  }

  /**
   * Waits until the key's partition of the view's topics is applied here.
   *
   * @throws ViewCatchingUpException when it is not within {@code timeout}, or cannot be known
   */
  public void awaitCaughtUp(View view, String key, Duration timeout) {
    long since = assignment.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      int partition = partitionOf(view, key, deadline);
      if (!caughtUp.contains(new Slot(view.store(), partition))) {
        catchUp(view, Set.of(partition), since, deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewCatchingUpException(view.store(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ViewCatchingUpException(view.store(), e);
    }
  }

  /**
   * Waits until every partition of the view's topics is applied here (before a list).
   *
   * @throws ViewCatchingUpException when they are not within {@code timeout}, or cannot be known
   */
  public void awaitAllCaughtUp(View view, Duration timeout) {
    long since = assignment.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      int count = partitions(view.topics().get(0), deadline);
      Set<Integer> missing =
          IntStream.range(0, count)
              .filter(p -> !caughtUp.contains(new Slot(view.store(), p)))
              .boxed()
              .collect(Collectors.toSet());
      if (!missing.isEmpty()) {
        catchUp(view, missing, since, deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewCatchingUpException(view.store(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ViewCatchingUpException(view.store(), e);
    }
  }

  /** Reads the end offsets of {@code wanted} now and waits until the group has committed them. */
  private void catchUp(View view, Set<Integer> wanted, long since, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    Set<TopicPartition> partitions =
        wanted.stream()
            .flatMap(p -> view.topics().stream().map(t -> new TopicPartition(t, p)))
            .collect(Collectors.toSet());
    Map<TopicPartition, Long> end = progress.endOffsets(partitions, left(deadline));
    String groupId = group.get();
    while (true) {
      Map<TopicPartition, Long> committed =
          progress.committedOffsets(groupId, partitions, left(deadline));
      if (end.entrySet().stream().allMatch(e -> applied(committed.get(e.getKey()), e.getValue()))) {
        synchronized (caughtUp) {
          if (assignment.get() == since) {
            wanted.forEach(p -> caughtUp.add(new Slot(view.store(), p)));
          }
        }
        return;
      }
      Duration left = left(deadline);
      if (left.isZero()) {
        throw new ViewCatchingUpException(view.store(), wanted);
      }
      Thread.sleep(Math.min(POLL_MILLIS, left.toMillis() + 1));
    }
  }

  private static boolean applied(Long committed, long end) {
    return end <= 0 || (committed != null && committed >= end);
  }

  /**
   * The key's partition: from the streams' metadata when instances route (it also proves the
   * assignment is known), else as the producers' default partitioner places a String key.
   */
  private int partitionOf(View view, String key, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (routing.getAsBoolean()) {
      KafkaStreams kafkaStreams = streams.get();
      if (kafkaStreams == null) {
        throw new ViewCatchingUpException(view.store(), "the streams are not started");
      }
      KeyQueryMetadata metadata;
      try {
        metadata =
            kafkaStreams.queryMetadataForKey(view.store(), key, Serdes.String().serializer());
      } catch (RuntimeException e) {
        throw new ViewCatchingUpException(view.store(), e);
      }
      if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
        throw new ViewCatchingUpException(view.store(), "the assignment is not known");
      }
      return metadata.partition();
    }
    String topic = view.topics().get(0);
    byte[] bytes = Serdes.String().serializer().serialize(topic, key);
    return Utils.toPositive(Utils.murmur2(bytes)) % partitions(topic, deadline);
  }

  private int partitions(String topic, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    Integer known = partitionCounts.get(topic);
    if (known != null) {
      return known;
    }
    int count = progress.partitions(topic, left(deadline));
    partitionCounts.put(topic, count);
    return count;
  }

  private static Duration left(long deadline) {
    return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
  }

  @Override
  public void close() {
    progress.close();
  }
}
