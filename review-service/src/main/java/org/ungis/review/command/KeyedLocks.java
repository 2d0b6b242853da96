package org.ungis.review.command;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per key (a contribution id, a process id), created on demand and dropped when no thread
 * holds or waits for it. Serializes commands on one aggregate within this instance.
 */
public final class KeyedLocks {

  private static final class Entry {
    final ReentrantLock lock = new ReentrantLock(true);
    int users;
  }

  private final ConcurrentMap<String, Entry> locks = new ConcurrentHashMap<>();

  /**
   * Runs an action holding the key's lock.
   *
   * @throws BusyException when the lock was not obtained within the timeout
   */
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
        throw new BusyException(key);
      }
      try {
        return action.get();
      } finally {
        entry.lock.unlock();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException(key);
    } finally {
      locks.computeIfPresent(key, (k, e) -> --e.users == 0 ? null : e);
    }
  }

  int size() {
    return locks.size();
  }
}
