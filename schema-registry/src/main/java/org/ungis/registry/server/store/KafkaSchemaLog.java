package org.ungis.registry.server.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.ungis.registry.server.core.ErrorCode;
import org.ungis.registry.server.core.LogEntry;
import org.ungis.registry.server.core.RegistryException;
import org.ungis.registry.server.core.RegistryState;
import org.ungis.registry.server.core.SchemaLog;

/**
 * The registry log on a single-partition compacted topic. A reader thread applies every record, in
 * order, to the {@link RegistryState}; a write returns once the reader has passed its offset.
 */
public final class KafkaSchemaLog implements SchemaLog, SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaLog.class);

  /** Settings of the log. */
  public record Settings(
      String topic, short replicationFactor, Duration initTimeout, Duration writeTimeout) {}

  private final Map<String, Object> producerConfig;
  private final Map<String, Object> consumerConfig;
  private final Map<String, Object> adminConfig;
  private final Settings settings;
  private final RegistryState state;
  private final LogCodec codec = new LogCodec();
  private final TopicPartition partition;
  private final Object progress = new Object();

  private long position = -1;
  private boolean caughtUp;
  private Throwable failure;
  private volatile boolean running;
  private KafkaProducer<byte[], byte[]> producer;
  private KafkaConsumer<byte[], byte[]> consumer;
  private Thread reader;

  public KafkaSchemaLog(
      Map<String, Object> producerConfig,
      Map<String, Object> consumerConfig,
      Map<String, Object> adminConfig,
      Settings settings,
      RegistryState state) {
    this.producerConfig = new HashMap<>(producerConfig);
    this.consumerConfig = new HashMap<>(consumerConfig);
    this.adminConfig = new HashMap<>(adminConfig);
    this.settings = settings;
    this.state = state;
    this.partition = new TopicPartition(settings.topic(), 0);
  }

  @Override
  public void start() {
    ensureTopic();
    Map<String, Object> producerProps = new HashMap<>(producerConfig);
    producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
    producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerProps.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    producerProps.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    producer = new KafkaProducer<>(producerProps);

    Map<String, Object> consumerProps = new HashMap<>(consumerConfig);
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    consumerProps.remove(ConsumerConfig.GROUP_ID_CONFIG);
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumer = new KafkaConsumer<>(consumerProps);

    running = true;
    reader = new Thread(this::readLoop, "schema-registry-log-reader");
    reader.setDaemon(true);
    reader.start();
  }

  private void ensureTopic() {
    try (Admin admin = Admin.create(adminConfig)) {
      try {
        TopicDescription description =
            admin
                .describeTopics(List.of(settings.topic()))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(settings.topic());
        if (description.partitions().size() != 1) {
          throw new IllegalStateException(
              "The registry topic "
                  + settings.topic()
                  + " must have exactly 1 partition, it has "
                  + description.partitions().size());
        }
        return;
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
          throw new IllegalStateException("Cannot describe " + settings.topic(), e.getCause());
        }
      }
      NewTopic topic =
          new NewTopic(settings.topic(), Optional.of(1), Optional.of(settings.replicationFactor()))
              .configs(
                  Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
      try {
        admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        LOG.info("Created the registry topic {}", settings.topic());
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw new IllegalStateException("Cannot create " + settings.topic(), e.getCause());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing " + settings.topic(), e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("Timed out while preparing " + settings.topic(), e);
    }
  }

  private void readLoop() {
    try {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
      advance(consumer.position(partition), end);
      while (running) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          apply(record);
        }
        advance(consumer.position(partition), end);
      }
    } catch (WakeupException stopping) {
      // stop() woke the reader up
    } catch (Throwable unexpected) {
      LOG.error("The registry log reader stopped", unexpected);
      synchronized (progress) {
        failure = unexpected;
        progress.notifyAll();
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private void apply(ConsumerRecord<byte[], byte[]> record) {
    LogEntry entry;
    try {
      entry = codec.decode(record.key(), record.value());
    } catch (RuntimeException undecodable) {
      LOG.warn(
          "Skipping an undecodable record at offset {} of {}: {}",
          record.offset(),
          settings.topic(),
          undecodable.getMessage());
      return;
    }
    state.apply(entry);
  }

  private void advance(long newPosition, long bootstrapEnd) {
    synchronized (progress) {
      position = newPosition;
      if (!caughtUp && newPosition >= bootstrapEnd) {
        caughtUp = true;
        LOG.info("Read the registry topic {} up to offset {}", settings.topic(), newPosition);
      }
      progress.notifyAll();
    }
  }

  /** Whether the log has been read to the end it had at start-up, and the reader still runs. */
  public boolean isReady() {
    synchronized (progress) {
      return caughtUp && failure == null && running;
    }
  }

  /** Blocks until the log has been read to the end it had at start-up. */
  public void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (!caughtUp) {
        checkFailure();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new RegistryException(
              ErrorCode.OPERATION_TIMEOUT,
              "The registry has not finished reading " + settings.topic() + " yet");
        }
        waitOn(left);
      }
      checkFailure();
    }
  }

  private void awaitPosition(long wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (progress) {
      while (position < wanted) {
        checkFailure();
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new RegistryException(
              ErrorCode.OPERATION_TIMEOUT,
              "The write was stored but not read back within " + timeout.toMillis() + " ms");
        }
        waitOn(left);
      }
    }
  }

  private void waitOn(long nanos) {
    try {
      progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(nanos)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(ErrorCode.STORE_ERROR, "Interrupted while waiting for the log");
    }
  }

  private void checkFailure() {
    if (failure != null) {
      throw new RegistryException(
          ErrorCode.STORE_ERROR, "The registry cannot read its topic " + settings.topic());
    }
  }

  @Override
  public void append(List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    awaitReady(settings.initTimeout());
    long last = -1;
    try {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (LogEntry entry : entries) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    settings.topic(), 0, codec.key(entry.key()), codec.value(entry))));
      }
      for (Future<RecordMetadata> future : sent) {
        RecordMetadata metadata =
            future.get(settings.writeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        last = Math.max(last, metadata.offset());
      }
    } catch (ExecutionException | KafkaException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      LOG.warn("Cannot write to {}", settings.topic(), cause);
      throw new RegistryException(
          ErrorCode.STORE_ERROR, "Cannot write to the registry topic: " + cause.getMessage(), e);
    } catch (TimeoutException e) {
      throw new RegistryException(
          ErrorCode.OPERATION_TIMEOUT, "The registry topic did not acknowledge the write in time");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(ErrorCode.STORE_ERROR, "Interrupted while writing");
    }
    awaitPosition(last + 1, settings.writeTimeout());
  }

  @Override
  public void stop() {
    running = false;
    if (consumer != null) {
      consumer.wakeup();
    }
    if (reader != null) {
      try {
        reader.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    // before the web server starts (it starts in a later phase), after everything else is built
    return 0;
  }
}
