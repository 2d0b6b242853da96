package org.ungis.publication.record.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Starts the Kafka Streams client once the application is up, and starts it again whenever it fails
 * (the broker is not reachable yet, the global store cannot be initialized, a stream thread died):
 * the service keeps answering its liveness probe and reports itself not ready meanwhile, instead of
 * exiting. ({@code spring.kafka.streams.auto-startup} is false for this reason.)
 */
@Component
class StreamsSupervisor implements ApplicationListener<ApplicationReadyEvent>, DisposableBean {

  static final Duration RETRY = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(StreamsSupervisor.class);

  private final StreamsBuilderFactoryBean streams;
  private final KafkaAdmin admin;
  private final RecordsContract contract;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "streams-supervisor");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean stopping;

  StreamsSupervisor(StreamsBuilderFactoryBean streams, KafkaAdmin admin, RecordsContract contract) {
    this.streams = streams;
    this.admin = admin;
    this.contract = contract;
    streams.setStateListener(
        (newState, oldState) -> {
          if (newState == KafkaStreams.State.ERROR && !stopping) {
            log.warn("Kafka Streams failed; restarting it in {}", RETRY);
            retryLater();
          }
        });
  }

  @Override
  public void onApplicationEvent(ApplicationReadyEvent event) {
    if (!streams.isRunning()) {
      executor.execute(this::start);
    }
  }

  private void start() {
    if (stopping) {
      return;
    }
    try {
      if (!admin.initialize()) {
        log.warn("cannot create the service's topics yet; retrying in {}", RETRY);
        retryLater();
        return;
      }
      contract.pinCompatibility();
      if (streams.isRunning()) {
        streams.stop();
      } else {
        KafkaStreams failed = streams.getKafkaStreams();
        if (failed != null) {
          failed.close(Duration.ofSeconds(10));
        }
      }
      streams.start();
    } catch (RuntimeException e) {
      log.warn("cannot start Kafka Streams ({}); retrying in {}", e.getMessage(), RETRY);
      retryLater();
    }
  }

  private void retryLater() {
    if (!stopping) {
      executor.schedule(this::start, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void destroy() {
    stopping = true;
    executor.shutdownNow();
  }
}
