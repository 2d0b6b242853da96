package org.ungis.portal.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.portal.PortalSettings;
import org.ungis.registry.client.SchemaRegistryUnavailableException;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Follows the workflow topics for the live pages. It commits nothing and joins no group: it assigns
 * itself every partition, reads the compacted calls topic from the beginning (the {@link
 * CallCatalogue}) and the others from their end (only what happens while the portal runs is news),
 * with {@code read_committed}, as the services read them. Values are decoded with the platform's
 * Avro deserializer and schema registry.
 */
@Component
class LiveFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
  private static final List<Topic<?>> FOLLOWED =
      List.of(Topics.PROCESSES, Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.RECORDS);

  private final KafkaProperties kafka;
  private final PortalSettings settings;
  private final CallCatalogue calls;
  private final LiveHub hub;
  private final ArrivingInputs arriving;
  private volatile boolean running;
  private volatile KafkaConsumer<String, Object> consumer;
  private Thread thread;

  LiveFeed(
      KafkaProperties kafka,
      PortalSettings settings,
      CallCatalogue calls,
      LiveHub hub,
      ArrivingInputs arriving) {
    this.kafka = kafka;
    this.settings = settings;
    this.calls = calls;
    this.hub = hub;
    this.arriving = arriving;
  }

  @Override
  public void start() {
    if (!settings.live()) {
      return;
    }
    running = true;
    thread = new Thread(this::run, "portal-live-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Wakes the consumer and waits for its thread, as review-service's {@code CallReplica} does: a
   * deliberate copy of the consumer-thread idiom, since the portal depends on no service module.
   */
  @Override
  public void stop() {
    running = false;
    KafkaConsumer<String, Object> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    if (thread != null) {
      try {
        thread.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
    config.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "portal-live-" + UUID.randomUUID());
    config.remove(ConsumerConfig.GROUP_ID_CONFIG);
    return config;
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, Object> c = new KafkaConsumer<>(config())) {
        consumer = c;
        List<TopicPartition> partitions = awaitPartitions(c);
        if (partitions.isEmpty()) {
          return;
        }
        c.assign(partitions);
        List<TopicPartition> processes =
            partitions.stream().filter(p -> p.topic().equals(Topics.PROCESSES.name())).toList();
        c.seekToBeginning(processes);
        c.seekToEnd(partitions.stream().filter(p -> !processes.contains(p)).toList());
        log.info(
            "following {} partitions of {}",
            partitions.size(),
            FOLLOWED.stream().map(Topic::name).toList());
        poll(c);
      } catch (WakeupException stopping) {
        return;
      } catch (RuntimeException e) {
        log.warn("live feed failed, starting again in 5 s: {}", e.toString());
        pause(5_000);
      }
    }
  }

  private List<TopicPartition> awaitPartitions(KafkaConsumer<String, Object> c) {
    while (running) {
      List<TopicPartition> all = new ArrayList<>();
      boolean missing = false;
      for (Topic<?> topic : FOLLOWED) {
        List<PartitionInfo> infos = c.partitionsFor(topic.name(), Duration.ofSeconds(10));
        if (infos == null || infos.isEmpty()) {
          missing = true;
          break;
        }
        infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
      }
      if (!missing) {
        return all;
      }
      log.info("waiting for the workflow topics to exist");
      pause(2_000);
    }
    return List.of();
  }

  private void poll(KafkaConsumer<String, Object> c) {
    while (running) {
      try {
        for (ConsumerRecord<String, Object> record : c.poll(Duration.ofMillis(500))) {
          handle(record.value());
        }
      } catch (RecordDeserializationException undecodable) {
        if (registryUnavailable(undecodable)) {
          // Not the record's fault: read it again once the registry answers.
          log.warn(
              "schema registry unavailable, reading {} again in 2 s", undecodable.topicPartition());
          c.seek(undecodable.topicPartition(), undecodable.offset());
          pause(2_000);
        } else {
          log.warn(
              "skipping an undecodable record at {} offset {}",
              undecodable.topicPartition(),
              undecodable.offset());
          c.seek(undecodable.topicPartition(), undecodable.offset() + 1);
        }
      }
    }
  }

  private static boolean registryUnavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SchemaRegistryUnavailableException) {
        return true;
      }
    }
    return false;
  }

  private void handle(Object value) {
    if (value instanceof CallForInputsEvent call) {
      calls.apply(call);
    }
    LiveEvents.arrival(value).ifPresent(arriving::arrived);
    if (value != null) {
      LiveEvents.of(value).ifPresent(hub::publish);
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
