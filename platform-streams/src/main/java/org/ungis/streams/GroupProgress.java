package org.ungis.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.TopicPartition;

/** What {@link CatchUpBarrier} reads from the cluster: how far topics are written and applied. */
interface GroupProgress extends AutoCloseable {

  /** The number of partitions of a topic. */
  int partitions(String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException;

  /** The end offsets of the partitions, counting committed transactions only. */
  Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException;

  /** The offsets the group has committed in the partitions; a partition without one is absent. */
  Map<TopicPartition, Long> committedOffsets(
      String group, Set<TopicPartition> partitions, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException;

  @Override
  void close();
}
