package org.ungis.streams;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** {@link GroupProgress} read with an admin client, created on first use. */
final class AdminGroupProgress implements GroupProgress {

  private final Map<String, Object> config;
  private Admin admin;

  AdminGroupProgress(Map<String, Object> config) {
    this.config = Map.copyOf(config);
  }

  @Override
  public int partitions(String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    return admin()
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .get(topic)
        .partitions()
        .size();
  }

  @Override
  public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
    Map<TopicPartition, Long> end = new HashMap<>();
    admin()
        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get(timeout.toNanos(), TimeUnit.NANOSECONDS)
        .forEach((p, info) -> end.put(p, info.offset()));
    return end;
  }

  @Override
  public Map<TopicPartition, Long> committedOffsets(
      String group, Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin()
            .listConsumerGroupOffsets(
                Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(partitions)))
            .partitionsToOffsetAndMetadata(group)
            .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    Map<TopicPartition, Long> offsets = new HashMap<>();
    committed.forEach(
        (p, done) -> {
          if (done != null) {
            offsets.put(p, done.offset());
          }
        });
    return offsets;
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(config);
    }
    return admin;
  }

  @Override
  public synchronized void close() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
