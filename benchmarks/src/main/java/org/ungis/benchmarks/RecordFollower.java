package org.ungis.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEvent;
import org.ungis.schemas.Topics;

/**
 * Follows the published records ({@code Topics.RECORDS}) as a downstream system would, from the end
 * of the topic when the benchmark starts: for every edition manifest of one of the benchmark's
 * calls, each listed contribution still awaiting publication is published now, and its end-to-end
 * latency is the time from its submission's intended send time to this poll.
 */
final class RecordFollower implements AutoCloseable {

  private final KafkaConsumer<String, RecordEvent> consumer;
  private final Map<String, Long> awaiting;
  private final String processPrefix;
  private final Thread thread;
  final Histogram latency = Latency.micros();
  final LongAdder editions = new LongAdder();
  volatile Series series;
  private volatile boolean running = true;

  RecordFollower(
      String bootstrapServers, String registryUrl, Map<String, Long> awaiting, String runId) {
    this.awaiting = awaiting;
    this.processPrefix = runId + "-";
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                2000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG,
                64 * 1024 * 1024),
            new StringDeserializer(),
            Topics.RECORDS.valueSerde(Map.of("schema.registry.url", registryUrl)).deserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(Topics.RECORDS.name()).stream()
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.thread = new Thread(this::follow, "record-follower");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    try {
      while (running) {
        ConsumerRecords<String, RecordEvent> records = consumer.poll(Duration.ofMillis(200));
        long now = System.nanoTime();
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
            }
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    thread.join(5000);
  }
}
