package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ungis.benchmarks.Steps.Point;
import org.ungis.benchmarks.Steps.Timeline;

class StepsTest {

  private static final long T = 1_796_000_000_000L; // an epoch ms in 2026

  /** A timeline with these instants, in ms after T. */
  private static Timeline timeline(Map<Point, Integer> offsets) {
    Timeline timeline = new Timeline();
    offsets.forEach((point, ms) -> timeline.mark(point, T + ms));
    return timeline;
  }

  /** A contribution that went through every step. */
  private static Timeline published() {
    Map<Point, Integer> offsets = new EnumMap<>(Point.class);
    offsets.put(Point.SENT, 0);
    offsets.put(Point.SUBMISSION_WRITTEN, 150);
    offsets.put(Point.ACCEPTED, 200);
    offsets.put(Point.APPROVAL_SENT, 500);
    offsets.put(Point.DECISION_WRITTEN, 600);
    offsets.put(Point.DECISION_SEEN, 700);
    offsets.put(Point.APPROVED, 800);
    offsets.put(Point.EDITION_WRITTEN, 1_000);
    offsets.put(Point.EDITION_SEEN, 1_300);
    return timeline(offsets);
  }

  @Test
  void joinsTheInstantsOfAPublishedContributionIntoItsSteps() {
    Steps steps = Steps.of(List.of(published()));

    Map<String, Steps.Result> results = steps.results();

    assertThat(steps.joined()).isEqualTo(1);
    // HdrHistogram keeps 3 significant digits: 200 ms reads back as 200.1.
    assertThat(results.keySet())
        .containsExactly(
            "intake",
            "approvalQueue",
            "approvalRoundTrip",
            "submissionToDecision",
            "decisionVisible",
            "decisionToEdition",
            "editionVisible",
            "total");
    Map<String, Double> expected =
        Map.of(
            "intake", 200.0,
            "approvalQueue", 300.0,
            "approvalRoundTrip", 300.0,
            "submissionToDecision", 450.0,
            "decisionVisible", 100.0,
            "decisionToEdition", 400.0,
            "editionVisible", 300.0,
            "total", 1300.0);
    expected.forEach(
        (step, ms) -> assertThat(results.get(step).p50()).as(step).isCloseTo(ms, within(1.0)));
    assertThat(results.get("intake").label()).isEqualTo("intake (1 -> 2)");
    assertThat(results.values()).allSatisfy(r -> assertThat(r.count()).isEqualTo(1));
  }

  @Test
  void aMissingInstantSkipsItsStepsInsteadOfCountingZero() {
    Timeline noDecisionSeen =
        timeline(
            Map.of(
                Point.SENT,
                0,
                Point.ACCEPTED,
                400,
                Point.EDITION_WRITTEN,
                1_000,
                Point.EDITION_SEEN,
                1_300));

    Map<String, Steps.Result> results = Steps.of(List.of(published(), noDecisionSeen)).results();

    assertThat(results.get("intake").count()).isEqualTo(2);
    assertThat(results.get("intake").max()).isCloseTo(400.0, within(1.0));
    Steps.Result decision = results.get("decisionToEdition");
    assertThat(decision.count()).isEqualTo(1);
    assertThat(decision.missing()).isEqualTo(1);
    assertThat(decision.p50()).isCloseTo(400.0, within(1.0)); // not pulled down by a zero
    assertThat(results.get("approvalQueue").missing()).isEqualTo(1);
  }

  @Test
  void onlyMeasuredAndPublishedContributionsAreJoined() {
    Timeline warmUp = published();
    Timeline unmeasured = new Timeline().mark(Point.SUBMISSION_WRITTEN, T);
    Timeline notPublished = new Timeline().mark(Point.SENT, T).mark(Point.ACCEPTED, T + 10);

    Steps steps = new Steps();

    assertThat(steps.add(warmUp)).isTrue();
    assertThat(steps.add(unmeasured)).isFalse();
    assertThat(steps.add(notPublished)).isFalse();
    assertThat(steps.joined()).isEqualTo(1);
    assertThat(steps.results().get("intake").count()).isEqualTo(1);
  }

  @Test
  void theFirstInstantWinsAndAMissingKafkaTimestampIsNoInstant() {
    Timeline timeline =
        new Timeline()
            .mark(Point.EDITION_WRITTEN, -1) // ConsumerRecord.NO_TIMESTAMP
            .mark(Point.DECISION_WRITTEN, T)
            .mark(Point.DECISION_WRITTEN, T + 5_000); // a later decision on the same contribution

    assertThat(timeline.has(Point.EDITION_WRITTEN)).isFalse();
    assertThat(timeline.at(Point.DECISION_WRITTEN)).isEqualTo(T);
  }

  @Test
  void aNegativeDurationCountsAsZeroAndIsReported() {
    // The decision's record timestamp is review-service's clock reading, 1 ms after the poll that
    // returned it was read here: granularity between processes.
    Timeline skewed =
        timeline(
            Map.of(
                Point.SENT,
                0,
                Point.DECISION_WRITTEN,
                701,
                Point.DECISION_SEEN,
                700,
                Point.EDITION_SEEN,
                900));

    Map<String, Steps.Result> results = Steps.of(List.of(skewed, skewed)).results();

    Steps.Result visible = results.get("decisionVisible");
    assertThat(visible.count()).isEqualTo(2);
    assertThat(visible.negative()).isEqualTo(2);
    assertThat(visible.max()).isEqualTo(0.0);
  }
}
