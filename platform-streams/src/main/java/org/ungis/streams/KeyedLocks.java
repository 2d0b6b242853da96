package org.ungis.streams;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Serializes the writes that concern one key (an aggregate id, an idempotency key) within this
 * instance, so that two requests on one key check the view and publish one after the other: one
 * fair lock per key, created on demand and dropped when no thread holds or waits for it.
 *
 * <p>Here rather than in a service because every service that answers a write once its event is
 * folded needs the same guard before it produces; it uses no Kafka type, so a domain package may
 * hold one. The service says what a wait that timed out means in its own terms.
 */
public final class KeyedLocks {

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock(true);
    int users;
  }

  private final ConcurrentMap<String, Entry> locks = new ConcurrentHashMap<>();
  private final Function<String, ? extends RuntimeException> busy;

  /**
   * @param busy the exception thrown, for a key, when its lock was not obtained in time (or the
   *     waiting thread was interrupted); the client may retry
   */
  public KeyedLocks(Function<String, ? extends RuntimeException> busy) {
    this.busy = Objects.requireNonNull(busy, "busy");
  }

  /** Runs an action holding the key's lock, waiting at most {@code timeout} for it. */
  public <T> T withLock(String key, Duration timeout, Supplier<T> action) {
    Entry entry =
        locks.compute(
            key,
            (k, existing) -> {
              Entry e = existing == null ? new Entry() : existing;
              e.users++;
              return e;
            });
    try {
      if (!entry.lock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw busy.apply(key);
      }
      try {
        return action.get();
      } finally {
        entry.lock.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy.apply(key);
    } finally {
      locks.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }
  }

  /** How many keys have a lock now (held or waited for). */
  int size() {
    return locks.size();
  }
}
