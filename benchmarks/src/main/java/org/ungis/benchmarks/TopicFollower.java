package org.ungis.benchmarks;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ungis.schemas.Topic;

/**
 * Follows topics from their end as a downstream system would: one {@code read_committed} consumer
 * (no group, nothing committed) on one daemon thread, handing each poll to {@code handler} with the
 * time it returned.
 */
final class TopicFollower<V> implements AutoCloseable {

  /** What to do with one poll's records. */
  interface Handler<V> {
    /**
     * @param nowNanos {@code System.nanoTime()} when the poll returned
     * @param nowMs {@code System.currentTimeMillis()} at the same moment
     */
    void handle(ConsumerRecords<String, V> records, long nowNanos, long nowMs);
  }

  private final KafkaConsumer<String, V> consumer;
  private final Handler<V> handler;
  private final Thread thread;
  private volatile boolean running = true;

  TopicFollower(
      String bootstrapServers,
      Deserializer<V> values,
      List<String> topics,
      String name,
      Handler<V> handler) {
    this.handler = handler;
    Map<String, Object> config = KafkaLogin.client(bootstrapServers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
    List<TopicPartition> partitions =
        topics.stream()
            .flatMap(topic -> consumer.partitionsFor(topic).stream())
            .map(p -> new TopicPartition(p.topic(), p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    this.thread = new Thread(this::follow, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** The catalogue's value deserializer of each topic, chosen by the record's topic. */
  static Deserializer<SpecificRecord> valuesOf(List<Topic<?>> topics, String registryUrl) {
    Map<String, Deserializer<? extends SpecificRecord>> byName = new HashMap<>();
    Map<String, String> config = Map.of("schema.registry.url", registryUrl);
    for (Topic<?> topic : topics) {
      byName.put(topic.name(), topic.valueSerde(config).deserializer());
    }
    return new Deserializer<>() {
      @Override
      public SpecificRecord deserialize(String topic, byte[] data) {
        return byName.get(topic).deserialize(topic, data);
      }

      @Override
      public SpecificRecord deserialize(String topic, Headers headers, byte[] data) {
        return byName.get(topic).deserialize(topic, headers, data);
      }
    };
  }

  private void follow() {
    try {
      while (running) {
        ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(200));
        handler.handle(records, System.nanoTime(), System.currentTimeMillis());
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
