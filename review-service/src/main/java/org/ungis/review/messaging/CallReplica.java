package org.ungis.review.messaging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.registry.client.SchemaRegistryException;
import org.ungis.registry.client.SchemaRegistryUnavailableException;
import org.ungis.review.call.CallForInputs;
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
 *
 * <p>Robustness: the follower never gives up while the service runs. Any error (a broker that does
 * not answer at start, a failed fetch) closes the consumer and rebuilds the replica from the
 * beginning after a backoff (1 s, doubling, at most 30 s); meanwhile the replica is unavailable. A
 * record whose schema cannot be fetched because the registry is unreachable (an I/O error or a 5xx)
 * is retried from the same offset, never skipped; only a record that truly cannot be decoded is
 * skipped and logged (the streams' calls view dead-letters it). The replica is <em>available</em>
 * (readiness up, {@link #call} and {@link #all} answer) once it has read the topic to its end, and
 * only while it keeps confirming that it is at the end of the topic: after {@value
 * #STALL_AFTER_SECONDS} s without such a confirmation (the broker unreachable, the follower stuck
 * on a record) it is stalled and unavailable again, until it catches up.
 */
@Component
public class CallReplica implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(CallReplica.class);

  /** How long the replica may go without confirming that it is at the end of the topic. */
  static final long STALL_AFTER_SECONDS = 30;

  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final Map<String, Object> consumerConfig;
  private final Map<String, ?> serdeConfig;
  private final boolean enabled;
  private final LongSupplier nanos;
  private final long stallAfterNanos;
  private final ConcurrentMap<String, CallForInputs> calls = new ConcurrentHashMap<>();
  private final Object changes = new Object();
  private volatile boolean caughtUp;
  private volatile long lastInSync;
  private volatile boolean running;
  private volatile int failures;
  private volatile String lastError;
  private volatile KafkaConsumer<String, CallForInputsEvent> consumer;
  private Thread thread;

  /** Whether the follower's current attempt has caught up (follower thread only). */
  private boolean caughtUpOnce;

  @Autowired
  CallReplica(KafkaProperties kafka) {
    this(kafka, System::nanoTime, Duration.ofSeconds(STALL_AFTER_SECONDS));
  }

  CallReplica(KafkaProperties kafka, LongSupplier nanos, Duration stallAfter) {
    this.consumerConfig = new HashMap<>(kafka.buildConsumerProperties());
    this.serdeConfig = Map.copyOf(kafka.getProperties());
    Object server = kafka.getStreams().getProperties().get(StreamsConfig.APPLICATION_SERVER_CONFIG);
    this.enabled = server != null && !server.toString().isBlank();
    this.nanos = nanos;
    this.stallAfterNanos = stallAfter.toNanos();
  }

  /** True when the replica runs (several instances: {@code application.server} is set). */
  public boolean enabled() {
    return enabled;
  }

  /** True once the replica has read the topic up to where it ended when it (re)started reading. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /**
   * True when caught up but not confirmed at the end of the topic for longer than the stall limit
   * (the broker unreachable, the follower stuck on a record).
   */
  public boolean stalled() {
    return caughtUp && nanos.getAsLong() - lastInSync > stallAfterNanos;
  }

  /** Caught up and not stalled: the replica answers; readiness is up. */
  public boolean available() {
    return caughtUp && !stalled();
  }

  /** True while the follower thread runs (or the replica is off); false if it died. */
  public boolean alive() {
    Thread t = thread;
    return !running || (t != null && t.isAlive());
  }

  /** How many times the follower failed and started again from the beginning. */
  public int failures() {
    return failures;
  }

  /** The last error of the follower, if any. */
  public String lastError() {
    return lastError;
  }

  /** Every call, as the topic says; throws while the replica is not available. */
  public List<CallForInputs> all() {
    requireAvailable();
    return new ArrayList<>(calls.values());
  }

  /**
   * A call, once the replica is available; if it is not known yet, waits (bounded) for it to arrive
   * (a call opened through another instance a moment ago).
   *
   * @return empty when the replica is available and the call did not arrive in time
   * @throws ViewUnavailableException when the replica is not available at the deadline, or the wait
   *     is interrupted (a 503, never an unknown call)
   */
  public Optional<CallForInputs> call(String processId, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    synchronized (changes) {
      while (true) {
        if (available()) {
          CallForInputs call = calls.get(processId);
          if (call != null) {
            return Optional.of(call);
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          requireAvailable();
          return Optional.empty();
        }
        try {
          changes.wait(Math.max(1, Math.min(left / 1_000_000, CHECK_EVERY.toMillis())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ViewUnavailableException("calls (replica)", e);
        }
      }
    }
  }

  private void requireAvailable() {
    if (!available()) {
      throw new ViewUnavailableException("calls (replica)", null);
    }
  }

  @Override
  public void start() {
    if (!enabled || running) {
      return;
    }
    running = true;
    thread = new Thread(this::follow, "call-replica");
    thread.setDaemon(true);
    thread.start();
  }

  /** Follows the topic until stopped; after an error, rebuilds from the beginning (backoff). */
  private void follow() {
    Duration backoff = MIN_BACKOFF;
    while (running) {
      KafkaConsumer<String, CallForInputsEvent> c = null;
      caughtUpOnce = false;
      try {
        c = newConsumer();
        consumer = c;
        if (running) {
          followOnce(c);
        }
      } catch (WakeupException | org.apache.kafka.common.errors.InterruptException e) {
        if (running) {
          failed(e, backoff);
        }
      } catch (RuntimeException e) {
        failed(e, backoff);
      } finally {
        unavailable();
        if (c != null) {
          closeQuietly(c);
        }
      }
      if (caughtUpOnce) {
        backoff = MIN_BACKOFF; // it worked for a while: retry soon
      }
      if (running) {
        pause(backoff);
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
          backoff = MAX_BACKOFF;
        }
      }
    }
  }

  /** Waits; {@link #stop} interrupts it, and the caller's loop condition decides. */
  private static void pause(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      // stopping
    }
  }

  private void failed(RuntimeException e, Duration backoff) {
    failures++;
    lastError = String.valueOf(e);
    log.warn(
        "The call replica failed ({}); reading the calls again from the beginning in {} s",
        e.toString(),
        backoff.toSeconds(),
        e);
  }

  private KafkaConsumer<String, CallForInputsEvent> newConsumer() {
    Map<String, Object> config = new HashMap<>(consumerConfig);
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    // the bound of partitionsFor, endOffsets and position: a broker that does not answer is an
    // error (and a rebuild) after that long, not a wait of the default minute
    config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "review-service-call-replica");
    return new KafkaConsumer<>(
        config,
        new StringDeserializer(),
        TopicSerdes.value(Topics.PROCESSES, serdeConfig).deserializer());
  }

  /** Reads the topic from the beginning into an empty replica, then follows it; returns on stop. */
  private void followOnce(KafkaConsumer<String, CallForInputsEvent> c) {
    unavailable();
    synchronized (changes) {
      calls.clear();
    }
    List<TopicPartition> partitions = new ArrayList<>();
    while (running && partitions.isEmpty()) {
      // empty while the topic does not exist yet
      c.partitionsFor(Topics.PROCESSES.name())
          .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
      if (partitions.isEmpty()) {
        pause(MIN_BACKOFF);
      }
    }
    c.assign(partitions);
    c.seekToBeginning(partitions);
    Map<TopicPartition, Long> end = c.endOffsets(partitions);
    long lastCheck = nanos.getAsLong();
    while (running) {
      ConsumerRecords<String, CallForInputsEvent> records;
      try {
        records = c.poll(POLL);
      } catch (RecordDeserializationException e) {
        skipOrRetry(c, e);
        continue;
      }
      for (ConsumerRecord<String, CallForInputsEvent> r : records) {
        apply(r);
      }
      if (!caughtUp) {
        if (atEnd(c, end)) {
          inSync(nanos.getAsLong());
          caughtUpOnce = true;
          log.info("Call replica caught up: {} calls", calls.size());
        }
      } else if (nanos.getAsLong() - lastCheck >= CHECK_EVERY.toNanos()) {
        lastCheck = nanos.getAsLong();
        try {
          if (atEnd(c, c.endOffsets(partitions))) {
            inSync(lastCheck);
          }
        } catch (TimeoutException e) {
          // the broker does not answer now; the consumer reconnects by itself, and the replica is
          // reported stalled if this lasts
          log.debug("Call replica: no end offsets ({})", e.toString());
        }
      }
    }
  }

  private static boolean atEnd(
      KafkaConsumer<String, CallForInputsEvent> c, Map<TopicPartition, Long> end) {
    return end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue());
  }

  /**
   * A record that failed to decode: retried from the same offset when the registry could not be
   * reached (the replica must not lose the call), skipped when it is not a call at all.
   */
  private void skipOrRetry(
      KafkaConsumer<String, CallForInputsEvent> c, RecordDeserializationException e) {
    if (retryable(e)) {
      log.warn(
          "Cannot decode the call record at {}@{} now (schema registry unreachable); retrying",
          e.topicPartition(),
          e.offset(),
          e);
      c.seek(e.topicPartition(), e.offset());
      pause(MIN_BACKOFF);
      return;
    }
    // The streams' dead-letter handler keeps such a record; the replica skips it.
    log.warn("Skipping an undecodable call record at {}@{}", e.topicPartition(), e.offset(), e);
    c.seek(e.topicPartition(), e.offset() + 1);
  }

  /**
   * True when a decoding error is the registry being unreachable (I/O, a 5xx), not the record: the
   * same bytes decode once it is back.
   */
  static boolean retryable(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof SchemaRegistryUnavailableException) {
        return true;
      }
      if (t instanceof SchemaRegistryException registry && registry.status() >= 500) {
        return true;
      }
    }
    return false;
  }

  /** Confirmed at the end of the topic as of {@code at} (nanos); the first one ends catch-up. */
  void inSync(long at) {
    lastInSync = at;
    if (!caughtUp) {
      synchronized (changes) {
        caughtUp = true;
        changes.notifyAll();
      }
    }
  }

  private void unavailable() {
    caughtUp = false;
  }

  private static void closeQuietly(KafkaConsumer<String, CallForInputsEvent> c) {
    try {
      c.close(Duration.ofSeconds(2));
    } catch (RuntimeException e) {
      log.debug("Closing the call replica's consumer: {}", e.toString());
    }
  }

  void apply(ConsumerRecord<String, CallForInputsEvent> record) {
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
    KafkaConsumer<String, CallForInputsEvent> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    thread.interrupt();
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
