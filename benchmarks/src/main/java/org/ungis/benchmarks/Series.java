package org.ungis.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Per-second figures of one stream of completions (accepted submissions, published entries, ...):
 * how many completed in each second after the origin, and their latency percentiles. Thread-safe.
 */
final class Series {

  /** One second of a series: completions in it and the latency of those (ms). */
  record Point(int second, long count, double p50, double p99) {}

  private final long originNanos;
  private final AtomicLongArray counts;
  private final Histogram[] latencies;

  Series(long originNanos, int seconds) {
    this.originNanos = originNanos;
    this.counts = new AtomicLongArray(seconds);
    this.latencies = new Histogram[seconds];
    for (int i = 0; i < seconds; i++) {
      latencies[i] = Latency.micros();
    }
  }

  /** Records one completion at {@code nowNanos} that took {@code latencyMicros}. */
  void record(long nowNanos, long latencyMicros) {
    int second = (int) ((nowNanos - originNanos) / 1_000_000_000L);
    if (second < 0 || second >= counts.length()) {
      return;
    }
    counts.incrementAndGet(second);
    Histogram histogram = latencies[second];
    synchronized (histogram) {
      histogram.recordValue(Math.max(0, latencyMicros));
    }
  }

  /** The points from second 0 up to the last second with a completion. */
  List<Point> points() {
    int last = -1;
    for (int i = 0; i < counts.length(); i++) {
      if (counts.get(i) > 0) {
        last = i;
      }
    }
    List<Point> points = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      Latency latency;
      synchronized (latencies[i]) {
        latency = Latency.ofMicros(latencies[i]);
      }
      points.add(new Point(i, counts.get(i), latency.p50(), latency.p99()));
    }
    return points;
  }
}
