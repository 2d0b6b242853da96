package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedLocksTest {

  /** What a service would throw for a key whose lock it did not get in time. */
  static final class BusyException extends RuntimeException {
    BusyException(String key) {
      super(key + " is busy");
    }
  }

  final KeyedLocks locks = new KeyedLocks(BusyException::new);
  final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  @Test
  void commandsOnOneKeyNeverOverlapAndTheLockIsDroppedAfterwards() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> results = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                int total = 0;
                for (int n = 0; n < 200; n++) {
                  total +=
                      locks.withLock(
                          "c-1",
                          Duration.ofSeconds(10),
                          () -> {
                            maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                            inside.decrementAndGet();
                            return 1;
                          });
                }
                return total;
              }));
    }
    start.countDown();
    int total = 0;
    for (Future<Integer> r : results) {
      total += r.get(30, TimeUnit.SECONDS);
    }
    assertThat(total).isEqualTo(800);
    assertThat(maxInside.get()).isEqualTo(1);
    assertThat(locks.size()).isZero();
  }

  @Test
  void aCommandThatCannotGetTheLockInTimeIsBusyWhileOtherKeysGoOn() throws Exception {
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<Boolean> holder =
        pool.submit(
            () ->
                locks.withLock(
                    "c-1",
                    Duration.ofSeconds(10),
                    () -> {
                      held.countDown();
                      try {
                        return release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                      }
                    }));
    assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> locks.withLock("c-1", Duration.ofMillis(50), () -> 1))
        .isInstanceOf(BusyException.class)
        .hasMessage("c-1 is busy");
    assertThat(locks.withLock("c-2", Duration.ofMillis(50), () -> 2)).isEqualTo(2);

    release.countDown();
    assertThat(holder.get(30, TimeUnit.SECONDS)).isTrue();
    assertThat(locks.size()).isZero();
  }
}
