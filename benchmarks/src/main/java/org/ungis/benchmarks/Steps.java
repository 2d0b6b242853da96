package org.ungis.benchmarks;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * Where the end-to-end seconds go: each published contribution's {@link Timeline} of instants
 * (epoch ms, this machine's clock: the benchmark's own and the producers' record timestamps) is
 * joined into the durations between them, one histogram per {@link Step}. Pure: the run fills the
 * timelines, this only joins them (once, after the drain).
 */
final class Steps {

  /** The instants of one contribution's way through the workflow, in the order they happen. */
  enum Point {
    /** 1: the intended send time of its POST (open loop: includes any wait for a slot). */
    SENT,
    /** 2: the POST's 201. */
    ACCEPTED,
    /** 3: the benchmark sent the approval POST (its first attempt; out of the bounded queue). */
    APPROVAL_SENT,
    /** 4: the approval's 201. */
    APPROVED,
    /** 5: timestamp of its {@code ContributionSubmitted} record (contributions-service's send). */
    SUBMISSION_WRITTEN,
    /** 6: timestamp of its {@code DecisionRecorded} record (review-service's send). */
    DECISION_WRITTEN,
    /** 6: the benchmark's read_committed consumer received that decision. */
    DECISION_SEEN,
    /** 7: timestamp of the first {@code RecordEdition} listing it (publication-service). */
    EDITION_WRITTEN,
    /** 7: the benchmark's read_committed consumer polled that edition (the end-to-end end). */
    EDITION_SEEN
  }

  /** A duration between two points; the JSON key is {@link #key}. */
  enum Step {
    INTAKE("intake", "intake (1 -> 2)", Point.SENT, Point.ACCEPTED),
    APPROVAL_QUEUE(
        "approvalQueue",
        "approval queue in the benchmark (2 -> 3)",
        Point.ACCEPTED,
        Point.APPROVAL_SENT),
    APPROVAL_ROUND_TRIP(
        "approvalRoundTrip", "approval round trip (3 -> 4)", Point.APPROVAL_SENT, Point.APPROVED),
    SUBMISSION_TO_DECISION(
        "submissionToDecision",
        "submission written -> decision written (5 -> 6 ts)",
        Point.SUBMISSION_WRITTEN,
        Point.DECISION_WRITTEN),
    DECISION_VISIBLE(
        "decisionVisible",
        "decision written -> seen committed (6 ts -> 6 seen)",
        Point.DECISION_WRITTEN,
        Point.DECISION_SEEN),
    DECISION_TO_EDITION(
        "decisionToEdition",
        "decision written -> edition written (6 ts -> 7 ts)",
        Point.DECISION_WRITTEN,
        Point.EDITION_WRITTEN),
    EDITION_VISIBLE(
        "editionVisible",
        "edition written -> seen by the subscriber (7 ts -> 7 seen)",
        Point.EDITION_WRITTEN,
        Point.EDITION_SEEN),
    TOTAL(
        "total",
        "total: intended send -> edition seen (1 -> 7 seen)",
        Point.SENT,
        Point.EDITION_SEEN);

    final String key;
    final String label;
    final Point from;
    final Point to;

    Step(String key, String label, Point from, Point to) {
      this.key = key;
      this.label = label;
      this.from = from;
      this.to = to;
    }
  }

  /**
   * One step's distribution over the joined contributions.
   *
   * @param count contributions with both instants of the step
   * @param missing joined contributions without one of them (skipped, not counted as zero)
   * @param negative durations below zero (clock granularity between processes), counted as 0
   */
  record Result(
      String label,
      long count,
      long missing,
      long negative,
      double p50,
      double p95,
      double p99,
      double max) {}

  /**
   * The instants of one contribution, each set once by whichever thread sees it (the first value
   * wins: the first edition that lists it, the first decision). 0 = not seen; a Kafka timestamp of
   * -1 (none) is not an instant either.
   */
  static final class Timeline {
    private final AtomicLongArray at = new AtomicLongArray(Point.values().length);

    /** Records {@code epochMs} for {@code point} unless it has one already; ignores values <= 0. */
    Timeline mark(Point point, long epochMs) {
      if (epochMs > 0) {
        at.compareAndSet(point.ordinal(), 0, epochMs);
      }
      return this;
    }

    boolean has(Point point) {
      return at.get(point.ordinal()) > 0;
    }

    long at(Point point) {
      return at.get(point.ordinal());
    }
  }

  private final Map<Step, Histogram> histograms = new EnumMap<>(Step.class);
  private final long[] missing = new long[Step.values().length];
  private final long[] negative = new long[Step.values().length];
  private long joined;

  Steps() {
    for (Step step : Step.values()) {
      histograms.put(step, Latency.micros());
    }
  }

  static Steps of(Iterable<Timeline> timelines) {
    Steps steps = new Steps();
    timelines.forEach(steps::add);
    return steps;
  }

  /**
   * Joins one timeline if it was measured and published (it has {@link Point#SENT} and {@link
   * Point#EDITION_SEEN}); each step lacking an instant is skipped for it.
   *
   * @return whether it was joined
   */
  boolean add(Timeline t) {
    if (!t.has(Point.SENT) || !t.has(Point.EDITION_SEEN)) {
      return false;
    }
    joined++;
    for (Step step : Step.values()) {
      if (!t.has(step.from) || !t.has(step.to)) {
        missing[step.ordinal()]++;
        continue;
      }
      long ms = t.at(step.to) - t.at(step.from);
      if (ms < 0) {
        negative[step.ordinal()]++;
        ms = 0;
      }
      histograms.get(step).recordValue(ms * 1000);
    }
    return true;
  }

  long joined() {
    return joined;
  }

  /** Step key -> its distribution in ms, in {@link Step} order. */
  Map<String, Result> results() {
    Map<String, Result> results = new LinkedHashMap<>();
    for (Step step : Step.values()) {
      Latency l = Latency.ofMicros(histograms.get(step));
      results.put(
          step.key,
          new Result(
              step.label,
              l.count(),
              missing[step.ordinal()],
              negative[step.ordinal()],
              l.p50(),
              l.p95(),
              l.p99(),
              l.max()));
    }
    return results;
  }
}
