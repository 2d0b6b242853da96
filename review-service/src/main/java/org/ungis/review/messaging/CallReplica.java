package org.ungis.review.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.review.process.CallForInputs;
import org.ungis.review.rules.RuleViolation;
import org.ungis.schemas.Topics;

/**
 * Every call for inputs, on every instance, when the service runs as several instances: a decision
 * needs its call (status, deadline, extensions, required approvals) whichever instance owns the
 * contribution, and the call's own view ({@value ViewStores#CALLS}) is partitioned by process id
 * like the other views. Calls are few, so each instance reads the whole compacted {@link
 * Topics#PROCESSES} topic (no consumer group, every partition, from the beginning, committed
 * records only) into memory and follows it. Off (no consumer) with one instance, where the local
 * view holds every call.
 *
 * <p>Not a Kafka Streams global store: Streams refuses one topic as both a global and a partitioned
 * source, and the partitioned {@value ViewStores#CALLS} / {@value ViewStores#CALL_REQUESTS} stores
 * keep what call commands need under their per-call lock (the changelogged idempotency keys).
 */
@Component
public class CallReplica implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CallReplica.class);

  private final Map<String, Object> consumerConfig;
  private final Map<String, ?> serdeConfig;
  private final boolean enabled;
  private final ConcurrentMap<String, CallForInputs> calls = new ConcurrentHashMap<>();
  private final Object changes = new Object();
  private volatile boolean caughtUp;
  private volatile boolean running;
  private volatile KafkaConsumer<String, CallForInputsEvent> consumer;
  private Thread thread;

  CallReplica(KafkaProperties kafka) {
    this.consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
    this.serdeConfig = Map.copyOf(kafka.getProperties());
    Object server = kafka.getStreams().getProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
    this.enabled = server != null && !server.toString().isBlank();
  }

  /** True when the replica runs (several instances: {@code application.server} is set). */
  public boolean enabled() {
    return enabled;
  }

  /** True once the replica has read the topic up to where it ended when the replica started. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Every call, as the topic says; throws while the replica has not caught up yet. */
  public List<CallForInputs> all() {
    requireCaughtUp();
    return new ArrayList<>(calls.values());
  }

  /**
   * A call; if it is not known yet, waits (bounded) for it to arrive (a call opened through another
   * instance a moment ago).
   */
  public Optional<CallForInputs> call(String processId, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (changes) {
      while (true) {
        CallForInputs call = calls.get(processId);
        long left = deadline - System.nanoTime();
        if (call != null) {
          return Optional.of(call);
        }
        if (left <= 0) {
          requireCaughtUp();
          return Optional.empty();
        }
        try {
          changes.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
  }

  private void requireCaughtUp() {
    if (!caughtUp) {
      throw new ViewUnavailableException("calls (replica)", null);
    }
  }

  @Override
  public void start() {
    if (!enabled || running) {
      return;
    }
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "review-service-call-replica");
    consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            TopicSerdes.value(Topics.PROCESSES, serdeConfig).deserializer());
    running = true;
    thread = new Thread(this::follow, "call-replica");
    thread.setDaemon(true);
    thread.start();
  }

  private void follow() {
    KafkaConsumer<String, CallForInputsEvent> c = consumer;
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      while (running && partitions.isEmpty()) {
        c.partitionsFor(Topics.PROCESSES.name(), Duration.ofSeconds(5))
            .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      }
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      while (running) {
        try {
          for (ConsumerRecord<String, CallForInputsEvent> r : c.poll(Duration.ofSeconds(1))) {
            apply(r);
          }
        } catch (RecordDeserializationException e) {
          // The streams' dead-letter handler keeps such a record; the replica skips it.
          log.warn("Skipping an undecodable call record at {}", e.topicPartition(), e);
          c.seek(e.topicPartition(), e.offset() + 1);
        }
        if (!caughtUp
            && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
          caughtUp = true;
          log.info("Call replica caught up: {} calls", calls.size());
        }
      }
    } catch (WakeupException e) {
      // stopping
    } catch (RuntimeException e) {
      log.error("The call replica stopped", e);
    } finally {
      c.close(Duration.ofSeconds(2));
    }
  }

  private void apply(ConsumerRecord<String, CallForInputsEvent> record) {
    if (record.key() == null) {
      return;
    }
    synchronized (changes) {
      if (record.value() == null) {
        calls.remove(record.key());
      } else {
        CallForInputs current = calls.get(record.key());
        CallForInputs next = AvroMapping.toCall(record.value());
        try {
          calls.put(record.key(), current == null ? next : current.followedBy(next));
        } catch (RuleViolation refused) {
          // The streams' calls view refuses it too and dead-letters it (once, on the partition's
          // owner); every replica only keeps the closed call.
          log.warn(
              "Ignoring a snapshot that would reopen the closed call {} at {}-{}@{}",
              record.key(),
              record.topic(),
              record.partition(),
              record.offset());
        }
      }
      changes.notifyAll();
    }
  }

  @Override
  public void stop() {
    if (!running) {
      return;
    }
    running = false;
    consumer.wakeup();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
