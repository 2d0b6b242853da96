package org.ungis.benchmarks;

import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.record.TimestampType;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Follows the intermediate topics of the workflow ({@code Topics.CONTRIBUTIONS} and {@code
 * Topics.REVIEWS}) from their end with one {@code read_committed} consumer, and puts into each of
 * the benchmark's contributions' timeline the record timestamp of its {@code ContributionSubmitted}
 * (contributions-service's send), of its {@code DecisionRecorded} (review-service's send) and when
 * this consumer received that decision. A submission record may arrive before its POST's 201, so
 * the timeline is created by whichever comes first.
 */
final class StepFollower implements AutoCloseable {

  private static final List<Topic<?>> TOPICS = List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS);

  private final Map<String, Steps.Timeline> timelines;
  private final String processPrefix;
  private final TopicFollower<SpecificRecord> follower;
  private volatile TimestampType otherThanCreateTime;

  StepFollower(
      String bootstrapServers,
      String registryUrl,
      Map<String, Steps.Timeline> timelines,
      String runId) {
    this.timelines = timelines;
    this.processPrefix = runId + "-";
    this.follower =
        new TopicFollower<>(
            bootstrapServers,
            TopicFollower.valuesOf(TOPICS, registryUrl),
            TOPICS.stream().<String>map(Topic::name).toList(),
            "step-follower",
            this::handle);
  }

  private void handle(ConsumerRecords<String, SpecificRecord> records, long now, long nowMs) {
    for (ConsumerRecord<String, SpecificRecord> record : records) {
      if (record.timestampType() != TimestampType.CREATE_TIME) {
        otherThanCreateTime = record.timestampType();
      }
      if (record.value() instanceof ContributionEvent event
          && event.getPayload() instanceof ContributionSubmitted
          && event.getProcessId().startsWith(processPrefix)) {
        timeline(event.getContributionId())
            .mark(Steps.Point.SUBMISSION_WRITTEN, record.timestamp());
      } else if (record.value() instanceof ReviewEvent event
          && event.getPayload() instanceof DecisionRecorded
          && event.getProcessId().startsWith(processPrefix)) {
        timeline(event.getContributionId())
            .mark(Steps.Point.DECISION_WRITTEN, record.timestamp())
            .mark(Steps.Point.DECISION_SEEN, nowMs);
      }
    }
  }

  private Steps.Timeline timeline(String contributionId) {
    return timelines.computeIfAbsent(contributionId, id -> new Steps.Timeline());
  }

  /** A timestamp type other than CreateTime seen on these topics (null: all were CreateTime). */
  TimestampType otherThanCreateTime() {
    return otherThanCreateTime;
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
