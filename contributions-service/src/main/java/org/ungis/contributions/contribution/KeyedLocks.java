package org.ungis.contributions.contribution;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serializes writes that concern one key (a contribution id, an idempotency key) within this
 * instance: striped fair locks, so two requests on one key run one after the other.
 */
final class KeyedLocks {

  private final ReentrantLock[] stripes;
  private final Duration wait;

  KeyedLocks(int stripes, Duration wait) {
    this.stripes = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) {
      this.stripes[i] = new ReentrantLock(true);
    }
    this.wait = wait;
  }

  <T> T withLock(String key, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(key.hashCode(), stripes.length)];
    boolean locked;
    try {
      locked = lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      locked = false;
    }
    if (!locked) {
      throw new RefusedException(
          Refusal.UNAVAILABLE, "Another change to the same item is still in progress; retry");
    }
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
