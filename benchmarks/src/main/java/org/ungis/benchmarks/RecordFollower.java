package org.ungis.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEvent;
import org.ungis.schemas.Topics;

/**
 * Follows the published records ({@code Topics.RECORDS}) as a downstream system would, from the end
 * of the topic when the benchmark starts: for every edition manifest of one of the benchmark's
 * calls, each listed contribution still awaiting publication is published now, and its end-to-end
 * latency is the time from its submission's intended send time to this poll. Its timeline gets the
 * edition's record timestamp (publication-service's send) and this poll's time.
 */
final class RecordFollower implements AutoCloseable {

  private final Map<String, Long> awaiting;
  private final Map<String, Steps.Timeline> timelines;
  private final String processPrefix;
  private final TopicFollower<RecordEvent> follower;
  final Histogram latency = Latency.micros();
  final LongAdder editions = new LongAdder();
  volatile Series series;

  RecordFollower(
      String bootstrapServers,
      String registryUrl,
      Map<String, Long> awaiting,
      Map<String, Steps.Timeline> timelines,
      String runId) {
    this.awaiting = awaiting;
    this.timelines = timelines;
    this.processPrefix = runId + "-";
    this.follower =
        new TopicFollower<>(
            bootstrapServers,
            Topics.RECORDS.valueSerde(Map.of("schema.registry.url", registryUrl)).deserializer(),
            List.of(Topics.RECORDS.name()),
            "record-follower",
            this::handle);
  }

  private void handle(ConsumerRecords<String, RecordEvent> records, long now, long nowMs) {
    for (ConsumerRecord<String, RecordEvent> record : records) {
      if (record.value() == null
          || record.key() == null
          || !record.key().startsWith(processPrefix)
          || !(record.value().getPayload() instanceof RecordEdition edition)) {
        continue;
      }
      editions.increment();
      for (EntryRef entry : edition.getEntries()) {
        Long intended = awaiting.remove(entry.getContributionId());
        if (intended != null) {
          long micros = (now - intended) / 1000;
          synchronized (latency) {
            latency.recordValue(micros);
          }
          Series s = series;
          if (s != null) {
            s.record(now, micros);
          }
          Steps.Timeline timeline = timelines.get(entry.getContributionId());
          if (timeline != null) {
            timeline
                .mark(Steps.Point.EDITION_WRITTEN, record.timestamp())
                .mark(Steps.Point.EDITION_SEEN, nowMs);
          }
        }
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    follower.close();
  }
}
