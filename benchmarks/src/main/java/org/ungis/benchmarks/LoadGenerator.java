package org.ungis.benchmarks;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a fixed rate (open loop) or as fast as the target takes (closed loop of {@code
 * concurrency} requests in flight).
 *
 * <p>Open loop, coordinated-omission correct: request i is due at {@code start + i / rate}; its
 * latency is measured from that intended time, not from when it could actually be sent. When {@code
 * concurrency} requests are already in flight the generator waits for a slot, and the requests that
 * become due meanwhile carry that wait in their latency (as a user who arrived on time would see
 * it).
 */
final class LoadGenerator {

  /** One request; completes with the HTTP status (or exceptionally). */
  interface Target {
    CompletableFuture<Integer> send(long intendedNanos);
  }

  /** What one phase of load produced. */
  static final class Run {
    final Histogram latency = Latency.micros();
    final LongAdder sent = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final Series series;
    volatile double seconds;
    final java.util.concurrent.atomic.AtomicLong lastCompletionNanos =
        new java.util.concurrent.atomic.AtomicLong();

    Run(Series series) {
      this.series = series;
    }

    long failed() {
      return failures.values().stream().mapToLong(LongAdder::sum).sum();
    }

    Map<String, Long> failureCounts() {
      Map<String, Long> counts = new TreeMap<>();
      failures.forEach((k, v) -> counts.put(k, v.sum()));
      return counts;
    }

    double throughput() {
      return seconds <= 0 ? 0 : accepted.sum() / seconds;
    }
  }

  private final int concurrency;

  LoadGenerator(int concurrency) {
    this.concurrency = concurrency;
  }

  /**
   * Runs {@code target} for {@code duration} at {@code rate} per second ({@link Options#MAX}:
   * closed loop), records into {@code run} (null: a warm-up, nothing recorded), and returns once
   * every request has completed (or after 60 s more).
   */
  void run(int rate, Duration duration, Target target, int successStatus, Run run)
      throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    boolean closedLoop = rate == Options.MAX;
    double interval = closedLoop ? 0 : 1e9 / rate;
    for (long i = 0; ; i++) {
      long intended;
      if (closedLoop) {
        slots.acquire();
        intended = System.nanoTime();
        if (intended >= end) {
          slots.release();
          break;
        }
      } else {
        intended = start + (long) (i * interval);
        if (intended >= end) {
          break;
        }
        for (long wait = intended - System.nanoTime(); wait > 0; ) {
          LockSupport.parkNanos(wait);
          wait = intended - System.nanoTime();
        }
        slots.acquire();
      }
      if (run != null) {
        run.sent.increment();
      }
      CompletableFuture<Integer> response;
      try {
        response = target.send(intended);
      } catch (RuntimeException e) {
        response = CompletableFuture.failedFuture(e);
      }
      response.whenComplete(
          (status, error) -> {
            long now = System.nanoTime();
            slots.release();
            if (run == null) {
              return;
            }
            long micros = (now - intended) / 1000;
            run.lastCompletionNanos.accumulateAndGet(now, Math::max);
            if (error == null && status == successStatus) {
              run.accepted.increment();
              synchronized (run.latency) {
                run.latency.recordValue(micros);
              }
              run.series.record(now, micros);
            } else {
              String key = error == null ? "HTTP " + status : rootCause(error);
              run.failures.computeIfAbsent(key, k -> new LongAdder()).increment();
            }
          });
    }
    if (!slots.tryAcquire(concurrency, 60, TimeUnit.SECONDS)) {
      System.err.println("[benchmark] some requests did not complete within 60 s after the load");
    }
    if (run != null) {
      // From the first intended send to the last answer (at least the load period).
      run.seconds = (Math.max(end, run.lastCompletionNanos.get()) - start) / 1e9;
    }
  }

  static String rootCause(Throwable error) {
    Throwable t = error;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
