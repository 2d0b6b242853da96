package org.ungis.review.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Makes a write wait until the view has applied what was already written to the key's partitions,
 * once per partition after the streams (re)entered {@code RUNNING} or {@code REBALANCING}. A task
 * serves its store as soon as the store is queryable, which can be before it has processed the last
 * records of its input partitions: after a rebalance, the decision the previous owner wrote a
 * moment before the handover; after a restart (one instance or several), the decision this instance
 * wrote just before it was killed, whose client now retries with the same Idempotency-Key. Without
 * the wait the retry would not find the earlier write and write the decision a second time. So the
 * first write to a partition reads the end offsets of the key's input partitions ({@code
 * read_committed}) and waits, bounded, until the service's group has committed them: with
 * exactly-once processing a committed offset means every record before it is in the store. From
 * then on the partition's new records are this instance's own writes, which the commands wait for
 * themselves, and writes pass at once.
 */
@Component
public class HandoverBarrier implements DisposableBean {

  private static final long POLL_MILLIS = 50;

  private final StreamsBuilderFactoryBean streams;
  private final ItemOwners itemOwners;
  private final Map<String, Object> adminConfig;
  private final Map<String, Integer> partitionCounts = new ConcurrentHashMap<>();

  /** The (store, partition) pairs caught up with since the assignment last changed. */
  private final Set<String> caughtUp = ConcurrentHashMap.newKeySet();

  private final AtomicLong assignment = new AtomicLong();
  private Admin admin;

  HandoverBarrier(StreamsBuilderFactoryBean streams, ItemOwners itemOwners, KafkaAdmin kafka) {
    this.streams = streams;
    this.itemOwners = itemOwners;
    // the admin client Boot configured, with the connection details the service runs with
    this.adminConfig = new HashMap<>(kafka.getConfigurationProperties());
    this.adminConfig.putIfAbsent("client.id", "review-service-handover-barrier");
    // partitions move only in a rebalance, which the streams leave by (re)entering RUNNING
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.REBALANCING) {
            synchronized (caughtUp) {
              assignment.incrementAndGet();
              caughtUp.clear();
            }
          }
        });
  }

  /** Waits until the contribution's partitions of CONTRIBUTIONS and REVIEWS are applied here. */
  public void awaitItem(String contributionId, Duration timeout) {
    await(
        ViewStores.REVIEW_ITEMS,
        contributionId,
        List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS),
        timeout);
  }

  /** Waits until the call's partition of PROCESSES is applied here. */
  public void awaitCall(String processId, Duration timeout) {
    await(ViewStores.CALLS, processId, List.of(Topics.PROCESSES), timeout);
  }

  private void await(String store, String key, List<Topic<?>> topics, Duration timeout) {
    long since = assignment.get();
    long deadline = System.nanoTime() + timeout.toNanos();
    int partition = partitionOf(store, key, topics.get(0), deadline);
    String done = store + "/" + partition;
    if (caughtUp.contains(done)) {
      return;
    }
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (Topic<?> topic : topics) {
      latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
    }
    String group =
        streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    try {
      Map<TopicPartition, ListOffsetsResultInfo> end =
          admin()
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(left(deadline), TimeUnit.NANOSECONDS);
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin()
                .listConsumerGroupOffsets(
                    Map.of(
                        group, new ListConsumerGroupOffsetsSpec().topicPartitions(latest.keySet())))
                .partitionsToOffsetAndMetadata(group)
                .get(left(deadline), TimeUnit.NANOSECONDS);
        if (end.entrySet().stream()
            .allMatch(
                e -> {
                  OffsetAndMetadata applied = committed.get(e.getKey());
                  long needed = e.getValue().offset();
                  return needed <= 0 || (applied != null && applied.offset() >= needed);
                })) {
          synchronized (caughtUp) {
            if (assignment.get() == since) {
              caughtUp.add(done);
            }
          }
          return;
        }
        if (left(deadline) <= 0) {
          throw new ViewUnavailableException(
              store + " (partition " + partition + " catching up after a rebalance or a restart)",
              null);
        }
        Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left(deadline)) + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewUnavailableException(store, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ViewUnavailableException(store, e);
    }
  }

  /**
   * The key's partition: from the streams' metadata when instances route (it also proves the
   * assignment is known), else as the producers' default partitioner places a String key.
   */
  private int partitionOf(String store, String key, Topic<?> topic, long deadline) {
    if (itemOwners.routing()) {
      KafkaStreams kafkaStreams = streams.getKafkaStreams();
      if (kafkaStreams == null) {
        throw new ViewUnavailableException(store, null);
      }
      KeyQueryMetadata metadata;
      try {
        metadata = kafkaStreams.queryMetadataForKey(store, key, Serdes.String().serializer());
      } catch (RuntimeException e) {
        throw new ViewUnavailableException(store, e);
      }
      if (metadata == null || KeyQueryMetadata.NOT_AVAILABLE.equals(metadata)) {
        throw new ViewUnavailableException(store, null);
      }
      return metadata.partition();
    }
    byte[] bytes = Serdes.String().serializer().serialize(topic.name(), key);
    return Utils.toPositive(Utils.murmur2(bytes)) % partitions(store, topic, deadline);
  }

  private int partitions(String store, Topic<?> topic, long deadline) {
    Integer known = partitionCounts.get(topic.name());
    if (known != null) {
      return known;
    }
    try {
      int count =
          admin()
              .describeTopics(List.of(topic.name()))
              .allTopicNames()
              .get(left(deadline), TimeUnit.NANOSECONDS)
              .get(topic.name())
              .partitions()
              .size();
      partitionCounts.put(topic.name(), count);
      return count;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ViewUnavailableException(store, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new ViewUnavailableException(store, e);
    }
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
