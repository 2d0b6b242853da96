package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.schemas.Topics;

/**
 * Tells whether the view has folded every contribution event that was in the log when the streams
 * last (re)entered {@code RUNNING}: after a start, the events that an earlier run acknowledged but
 * had not folded yet; after a rebalance, those that the previous owner of a partition wrote last. A
 * write is answered once durable, before the view shows it, and the instance that wrote it
 * remembers it only in memory; so until then a read or an idempotent retry could miss it. Once
 * armed, the first caller reads the end offsets of {@code Topics.CONTRIBUTIONS} ({@code
 * read_committed}) and one background thread waits until the service's group has committed them:
 * with exactly-once processing a committed offset means every record before it is in the store.
 * Afterwards {@link #await} costs one volatile read.
 */
@Component
class CatchUpBarrier implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(CatchUpBarrier.class);
  private static final long POLL_MILLIS = 50;
  private static final long ADMIN_TIMEOUT_SECONDS = 10;

  private final StreamsBuilderFactoryBean streams;
  private final Map<String, Object> adminConfig;
  private volatile boolean caughtUp;
  private volatile long generation;
  private CompletableFuture<Boolean> catchingUp;
  private Admin admin;

  CatchUpBarrier(StreamsBuilderFactoryBean streams, KafkaProperties kafka) {
    this.streams = streams;
    this.adminConfig = new HashMap<>(kafka.buildAdminProperties());
    this.adminConfig.putIfAbsent("client.id", "contributions-service-catch-up");
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.RUNNING && before != KafkaStreams.State.RUNNING) {
            arm();
          }
        });
  }

  private synchronized void arm() {
    generation++;
    caughtUp = false;
    catchingUp = null;
  }

  /** Whether the view caught up, waiting at most {@code timeout}. */
  boolean await(Duration timeout) {
    if (caughtUp) {
      return true;
    }
    CompletableFuture<Boolean> done;
    synchronized (this) {
      if (caughtUp) {
        return true;
      }
      if (catchingUp == null) {
        long mine = generation;
        catchingUp =
            CompletableFuture.supplyAsync(
                () -> catchUp(mine),
                runnable -> {
                  Thread thread = new Thread(runnable, "contributions-catch-up");
                  thread.setDaemon(true);
                  thread.start();
                });
      }
      done = catchingUp;
    }
    try {
      return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** Waits until the group has committed the end offsets read now; false if that failed. */
  private boolean catchUp(long armed) {
    try {
      String topic = Topics.CONTRIBUTIONS.name();
      String group =
          streams.getStreamsConfiguration().getProperty(StreamsConfig.APPLICATION_ID_CONFIG);
      Map<TopicPartition, OffsetSpec> latest =
          admin()
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .get(topic)
              .partitions()
              .stream()
              .collect(
                  Collectors.toMap(
                      p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
      Map<TopicPartition, Long> end =
          admin()
              .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
              .all()
              .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS)
              .entrySet()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
      while (true) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin()
                .listConsumerGroupOffsets(
                    Map.of(group, new ListConsumerGroupOffsetsSpec().topicPartitions(end.keySet())))
                .partitionsToOffsetAndMetadata(group)
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (end.entrySet().stream()
            .allMatch(e -> reached(committed.get(e.getKey()), e.getValue()))) {
          return reachedIn(armed);
        }
        if (generation != armed) {
          return false; // a rebalance armed it again: that catch-up reads the offsets anew
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed(armed, e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      return failed(armed, e);
    }
  }

  private static boolean reached(OffsetAndMetadata committed, long end) {
    return end <= 0 || (committed != null && committed.offset() >= end);
  }

  private synchronized boolean reachedIn(long armed) {
    if (generation == armed) {
      caughtUp = true;
    }
    return true;
  }

  /** Lets the next caller try again. */
  private synchronized boolean failed(long armed, Exception e) {
    log.warn("Could not tell whether the contributions view caught up with the log", e);
    if (generation == armed) {
      catchingUp = null;
    }
    return false;
  }

  private synchronized Admin admin() {
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    return admin;
  }

  @Override
  public synchronized void destroy() {
    if (admin != null) {
      admin.close(Duration.ofSeconds(2));
    }
  }
}
