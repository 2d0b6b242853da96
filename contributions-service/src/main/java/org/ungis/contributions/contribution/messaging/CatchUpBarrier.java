package org.ungis.contributions.contribution.messaging;

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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
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
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.schemas.Topics;

/**
 * Makes a read or a write wait until the view has applied what was already written to the
 * contribution's partitions, once per partition after the streams (re)entered {@code RUNNING} or
 * {@code REBALANCING}. After a restart (or a rebalance) a task serves its store before it has
 * processed the last records of its input partitions: e.g. the submission or revision this instance
 * acknowledged just before it was killed, which its view had not folded yet. A read would then miss
 * a write its client was told is durable, and a retry of that revision (the same {@code If-Match})
 * would pass the revision check and be written a second time. So the first call for a partition
 * reads the end offsets of that partition of the contributions and reviews topics ({@code
 * read_committed}) and waits, bounded (then {@code 503}), until the service's group has committed
 * them: with exactly-once processing a committed offset means every record before it is in the
 * store. From then on the partition's new records are this instance's own writes, which the use
 * cases remember until the view shows them, and calls pass at once (one set lookup). A list waits
 * for every partition in the same way. (review-service's {@code HandoverBarrier} does the same for
 * decisions.)
 */
@Component
class CatchUpBarrier implements DisposableBean {

  private static final long POLL_MILLIS = 50;

  private final StreamsBuilderFactoryBean streams;
  private final Map<String, Object> adminConfig;

  /** The partitions caught up with since the assignment last changed, and which assignment. */
  private final Set<Integer> caughtUp = ConcurrentHashMap.newKeySet();

  private final AtomicLong assignment = new AtomicLong();
  private volatile int partitions;
  private Admin admin;

  CatchUpBarrier(StreamsBuilderFactoryBean streams, KafkaAdmin kafka) {
    this.streams = streams;
    // the admin client Boot configured, with the connection details the service runs with
    this.adminConfig = new HashMap<>(kafka.getConfigurationProperties());
    this.adminConfig.putIfAbsent("client.id", "contributions-service-catch-up-barrier");
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
  void await(String contributionId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long since = assignment.get();
    try {
      int partition = partition(contributionId, deadline);
      if (!caughtUp.contains(partition)) {
        catchUp(Set.of(partition), since, deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw behind(e);
    } catch (ExecutionException | TimeoutException e) {
      throw behind(e);
    }
  }

  /** Waits until every partition of CONTRIBUTIONS and REVIEWS is applied here (before a list). */
  void awaitAll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long since = assignment.get();
    try {
      int count = partitions(deadline);
      if (caughtUp.size() >= count) {
        return;
      }
      Set<Integer> missing =
          IntStream.range(0, count)
              .filter(p -> !caughtUp.contains(p))
              .boxed()
              .collect(Collectors.toSet());
      if (!missing.isEmpty()) {
        catchUp(missing, since, deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw behind(e);
    } catch (ExecutionException | TimeoutException e) {
      throw behind(e);
    }
  }

  /** Reads the end offsets of {@code wanted} now and waits until the group has committed them. */
  private void catchUp(Set<Integer> wanted, long since, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    String group =
        streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int partition : wanted) {
      for (String topic : List.of(Topics.CONTRIBUTIONS.name(), Topics.REVIEWS.name())) {
        latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
      }
    }
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
      if (end.entrySet().stream().allMatch(e -> applied(committed.get(e.getKey()), e.getValue()))) {
        synchronized (caughtUp) {
          if (assignment.get() == since) {
            caughtUp.addAll(wanted);
          }
        }
        return;
      }
      if (left(deadline) <= 0) {
        throw behind(null);
      }
      Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left(deadline)) + 1));
    }
  }

  private static boolean applied(OffsetAndMetadata done, ListOffsetsResultInfo end) {
    return end.offset() <= 0 || (done != null && done.offset() >= end.offset());
  }

  /** The contribution's partition, as the producers' default partitioner places its id. */
  private int partition(String contributionId, long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    int count = partitions(deadline);
    byte[] key =
        Serdes.String().serializer().serialize(Topics.CONTRIBUTIONS.name(), contributionId);
    return Utils.toPositive(Utils.murmur2(key)) % count;
  }

  private int partitions(long deadline)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (partitions == 0) {
      partitions =
          admin()
              .describeTopics(List.of(Topics.CONTRIBUTIONS.name()))
              .allTopicNames()
              .get(left(deadline), TimeUnit.NANOSECONDS)
              .get(Topics.CONTRIBUTIONS.name())
              .partitions()
              .size();
    }
    return partitions;
  }

  private static RefusedException behind(Exception cause) {
    RefusedException refused =
        new RefusedException(
            Refusal.UNAVAILABLE,
            "The view is catching up with the latest changes after a restart or a rebalance; retry");
    if (cause != null) {
      refused.initCause(cause);
    }
    return refused;
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
