package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.ungis.streams.CatchUpBarrier.View;

class CatchUpBarrierTest {

  static final int PARTITIONS = 4;
  static final View ITEMS = View.of("items", "contributions", "reviews");
  static final View CALLS = View.of("calls", "processes");
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final Progress progress = new Progress();
  final CatchUpBarrier barrier = new CatchUpBarrier(() -> "app", () -> false, () -> null, progress);

  /** The partition the producers' default partitioner writes a String key to. */
  static int partitionOf(String key) {
    return BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), PARTITIONS);
  }

  @Test
  void theFirstCallWaitsUntilTheGroupHasCommittedTheEndOfTheKeysPartitionOfEveryTopic() {
    int p = partitionOf("c-1");
    progress.end(new TopicPartition("contributions", p), 120);
    progress.end(new TopicPartition("reviews", p), 7);
    // the group commits a bit more at each look
    progress.onCommittedAsked =
        asked -> {
          progress.commit(new TopicPartition("contributions", p), 40 * asked);
          progress.commit(new TopicPartition("reviews", p), 2 * asked);
        };

    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);

    assertThat(progress.committedAsked).isEqualTo(4); // 160 >= 120 and 8 >= 7
    assertThat(progress.endAsked)
        .containsExactly(
            Set.of(new TopicPartition("contributions", p), new TopicPartition("reviews", p)));
  }

  @Test
  void aPartitionCaughtUpWithPassesAtOnceUntilTheAssignmentChanges() {
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.endAsked).hasSize(1);

    barrier.onChange(State.PENDING_SHUTDOWN, State.RUNNING);
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.endAsked).hasSize(1);

    barrier.onChange(State.REBALANCING, State.RUNNING);
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.endAsked).hasSize(2);

    barrier.onChange(State.RUNNING, State.REBALANCING);
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.endAsked).hasSize(3);
  }

  @Test
  void aViewBehindAtTheDeadlineIsRefused() {
    int p = partitionOf("c-1");
    progress.end(new TopicPartition("reviews", p), 3);
    progress.commit(new TopicPartition("reviews", p), 2);

    assertThatThrownBy(() -> barrier.awaitCaughtUp(ITEMS, "c-1", Duration.ofMillis(200)))
        .isInstanceOf(ViewCatchingUpException.class)
        .hasMessageContaining("items")
        .extracting(e -> ((ViewCatchingUpException) e).view())
        .isEqualTo("items");
    assertThat(progress.committedAsked).isGreaterThan(1);

    // and it is asked again next time, not taken for caught up
    progress.commit(new TopicPartition("reviews", p), 3);
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.endAsked).hasSize(2);
  }

  @Test
  void emptyPartitionsNeedNoCommit() {
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.committedAsked).isEqualTo(1);
  }

  @Test
  void aCatchUpThatARebalanceOverlapsIsNotRemembered() {
    progress.onCommittedAsked =
        asked -> {
          if (asked == 1) {
            barrier.onChange(State.REBALANCING, State.RUNNING);
          }
        };
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);
    assertThat(progress.endAsked).hasSize(2);
  }

  @Test
  void everyPartitionIsCaughtUpWithBeforeAListOnlyThoseNotYetCaughtUpWith() {
    int p = partitionOf("c-1");
    barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT);

    barrier.awaitAllCaughtUp(ITEMS, TIMEOUT);
    Set<TopicPartition> expected = new HashSet<>();
    for (int n = 0; n < PARTITIONS; n++) {
      if (n != p) {
        expected.add(new TopicPartition("contributions", n));
        expected.add(new TopicPartition("reviews", n));
      }
    }
    assertThat(progress.endAsked).hasSize(2);
    assertThat(progress.endAsked.get(1)).isEqualTo(expected);

    barrier.awaitAllCaughtUp(ITEMS, TIMEOUT);
    barrier.awaitCaughtUp(ITEMS, "c-2", TIMEOUT);
    assertThat(progress.endAsked).hasSize(2);
  }

  @Test
  void eachViewIsCaughtUpWithOnItsOwn() {
    barrier.awaitCaughtUp(ITEMS, "same-key", TIMEOUT);
    barrier.awaitCaughtUp(CALLS, "same-key", TIMEOUT);
    int p = partitionOf("same-key");
    assertThat(progress.endAsked)
        .containsExactly(
            Set.of(new TopicPartition("contributions", p), new TopicPartition("reviews", p)),
            Set.of(new TopicPartition("processes", p)));
  }

  @Test
  void aClusterThatDoesNotAnswerIsRefusedWithTheCause() {
    progress.failure = new ExecutionException(new TimeoutException("no broker"));
    assertThatThrownBy(() -> barrier.awaitCaughtUp(ITEMS, "c-1", TIMEOUT))
        .isInstanceOf(ViewCatchingUpException.class)
        .hasRootCauseInstanceOf(TimeoutException.class);
  }

  /** The cluster as the barrier reads it, offsets set by the test. */
  static final class Progress implements GroupProgress {

    interface OnAsked {
      void asked(int times);
    }

    final Map<TopicPartition, Long> end = new HashMap<>();
    final Map<TopicPartition, Long> committed = new HashMap<>();
    final List<Set<TopicPartition>> endAsked = new ArrayList<>();
    int committedAsked;
    OnAsked onCommittedAsked = times -> {};
    ExecutionException failure;

    void end(TopicPartition partition, long offset) {
      end.put(partition, offset);
    }

    void commit(TopicPartition partition, long offset) {
      committed.put(partition, offset);
    }

    @Override
    public int partitions(String topic, Duration timeout) throws ExecutionException {
      if (failure != null) {
        throw failure;
      }
      return PARTITIONS;
    }

    @Override
    public Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions, Duration timeout) {
      endAsked.add(Set.copyOf(partitions));
      Map<TopicPartition, Long> offsets = new HashMap<>();
      partitions.forEach(p -> offsets.put(p, end.getOrDefault(p, 0L)));
      return offsets;
    }

    @Override
    public Map<TopicPartition, Long> committedOffsets(
        String group, Set<TopicPartition> partitions, Duration timeout) {
      assertThat(group).isEqualTo("app");
      onCommittedAsked.asked(++committedAsked);
      Map<TopicPartition, Long> offsets = new HashMap<>();
      partitions.stream()
          .filter(committed::containsKey)
          .forEach(p -> offsets.put(p, committed.get(p)));
      return offsets;
    }

    @Override
    public void close() {}
  }
}
