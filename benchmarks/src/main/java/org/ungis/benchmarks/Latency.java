package org.ungis.benchmarks;

import org.HdrHistogram.Histogram;

/**
 * A latency distribution in milliseconds, from a histogram of microseconds.
 *
 * @param count how many values were recorded
 */
record Latency(
    long count,
    double mean,
    double p50,
    double p90,
    double p95,
    double p99,
    double p999,
    double max) {

  static final Latency NONE = new Latency(0, 0, 0, 0, 0, 0, 0, 0);

  /** A histogram of microseconds, as every benchmark histogram records them. */
  static Histogram micros() {
    return new Histogram(Long.MAX_VALUE / 4, 3);
  }

  static Latency ofMicros(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return NONE;
    }
    return new Latency(
        histogram.getTotalCount(),
        ms(histogram.getMean()),
        ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(90)),
        ms(histogram.getValueAtPercentile(95)),
        ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)),
        ms(histogram.getMaxValue()));
  }

  private static double ms(double micros) {
    return Math.round(micros / 100.0) / 10.0;
  }
}
