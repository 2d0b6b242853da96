package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Wakes the requests that wait for a contribution's view to show their write (read-your-writes)
 * when the stream thread has folded an event of that contribution, instead of having each of them
 * read and decode the aggregate from the store every few milliseconds. A waiter still looks again
 * every {@link #FALLBACK} in case a change reached the store some other way (a restore from the
 * changelog does not pass through the processor).
 */
@Component
public class ViewChanges {

  static final Duration FALLBACK = Duration.ofMillis(200);

  private final ConcurrentHashMap<String, Set<Thread>> waiting = new ConcurrentHashMap<>();
  private volatile BiConsumer<String, Integer> folded = (id, changes) -> {};

  /**
   * Tells {@code listener} of every contribution event folded: the contribution's id and how many
   * contribution events its view holds now. Called on the stream thread, so it must be quick.
   */
  public void onFolded(BiConsumer<String, Integer> listener) {
    this.folded = listener;
  }

  /** Called by the stream thread after it stored the {@code changes}-th change of {@code id}. */
  void changed(String id, int changes) {
    folded.accept(id, changes);
    Set<Thread> threads = waiting.get(id);
    if (threads != null) {
      threads.forEach(LockSupport::unpark);
    }
  }

  /**
   * Evaluates {@code check} until it yields a value or {@code timeout} passes, evaluating it again
   * whenever {@code id} changes.
   */
  <T> Optional<T> await(String id, Supplier<Optional<T>> check, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Thread me = Thread.currentThread();
    waiting.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet()).add(me);
    try {
      while (true) {
        Optional<T> found = check.get();
        long left = deadline - System.nanoTime();
        if (found.isPresent() || left <= 0 || me.isInterrupted()) {
          return found;
        }
        LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(FALLBACK.toMillis())));
      }
    } finally {
      waiting.computeIfPresent(
          id,
          (k, threads) -> {
            threads.remove(me);
            return threads.isEmpty() ? null : threads;
          });
    }
  }

  /** How many contributions have a request waiting for them. */
  int waitedFor() {
    return waiting.size();
  }
}
