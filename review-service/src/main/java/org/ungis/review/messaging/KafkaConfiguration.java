package org.ungis.review.messaging;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.review.TopicSettings;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.streams.CatchUpBarrier;
import org.ungis.streams.ReplaceFailedStreamThreads;
import org.ungis.streams.StreamsDeadLetters;
import org.ungis.streams.StreamsReadiness;
import org.ungis.streams.TopicDeclarations;

/**
 * The Kafka side of the service: the topics it declares, the stream topology of its views and the
 * readiness of those views. What the views cannot decode or the domain refuses goes to its topic's
 * dead-letter topic ({@link StreamsDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import(StreamsDeadLetters.class)
class KafkaConfiguration {

  /**
   * The topics this service writes ({@link Topics#PROCESSES}, compacted, and {@link
   * Topics#REVIEWS}), the contributions topic it reads (declared with the catalogue's settings too,
   * so that the service can start before contributions-service has created it; creation is
   * idempotent) and the dead-letter topics of the three topics it reads.
   */
  @Bean
  KafkaAdmin.NewTopics reviewTopics(TopicSettings settings) {
    List<Topic<?>> topics = List.of(Topics.PROCESSES, Topics.REVIEWS, Topics.CONTRIBUTIONS);
    return TopicDeclarations.of(settings.replicationFactor(), topics, topics);
  }

  /**
   * On a clean close the client leaves its group (also as a static member, {@code
   * group.instance.id}), so that the next start gets a fresh assignment at once instead of the
   * previous member's tasks after its session times out. A failed stream thread is replaced (see
   * {@link ReplaceFailedStreamThreads}): with the client's default, a commit refused after the
   * process was frozen past its session timeout stopped the client for good (fault-tests' scenario
   * j), and every decision was answered 500, then 503, until a restart.
   */
  @Bean
  static StreamsBuilderFactoryBeanConfigurer leaveGroupOnClose() {
    return factoryBean -> {
      factoryBean.setLeaveGroupOnClose(true);
      factoryBean.setStreamsUncaughtExceptionHandler(new ReplaceFailedStreamThreads());
    };
  }

  @Autowired
  void defineTopology(StreamsBuilder builder, KafkaProperties kafka, ViewWatcher watcher) {
    Map<String, ?> serdeConfig = kafka.getProperties();
    ReviewTopology.define(builder, serdeConfig, watcher);
  }

  /**
   * Liveness: down once the streams client has failed for good ({@code ERROR}), so that an
   * orchestrator restarts the service; a restart rebuilds the views from the topics.
   */
  @Bean("streamsLiveness")
  HealthIndicator streamsLiveness(StreamsBuilderFactoryBean factory) {
    return () -> {
      KafkaStreams streams = factory.getKafkaStreams();
      KafkaStreams.State state = streams == null ? null : streams.state();
      boolean failed =
          state == KafkaStreams.State.ERROR || state == KafkaStreams.State.PENDING_ERROR;
      return (failed ? Health.down() : Health.up())
          .withDetail("state", String.valueOf(state))
          .build();
    };
  }

  /**
   * Readiness, with several instances: up while the replica of every call is available (it has read
   * the calls topic to its end and keeps confirming it is there; decisions need it), down again
   * while it rebuilds after an error or when it has stalled (no confirmation for {@value
   * CallReplica#STALL_AFTER_SECONDS} s). Readiness rather than liveness: the replica retries and
   * rebuilds by itself, so a restart would add nothing, and a broker outage would restart every
   * instance at once. Always up with one instance (no replica).
   */
  @Bean("replicatedCalls")
  HealthIndicator callReplicaHealth(CallReplica replica) {
    return () ->
        (!replica.enabled() || replica.available() ? Health.up() : Health.down())
            .withDetail("enabled", replica.enabled())
            .withDetail("caughtUp", replica.caughtUp())
            .withDetail("stalled", replica.stalled())
            .withDetail("failures", replica.failures())
            .withDetail("lastError", String.valueOf(replica.lastError()))
            .build();
  }

  /**
   * Liveness, with several instances: down only if the replica's follower thread has died (it
   * catches every exception, so only an error such as a linkage error can end it); a restart
   * rebuilds it.
   */
  @Bean("callReplicaLiveness")
  HealthIndicator callReplicaLiveness(CallReplica replica) {
    return () ->
        (replica.alive() ? Health.up() : Health.down())
            .withDetail("enabled", replica.enabled())
            .build();
  }

  /** Readiness: up only while the streams run, so the views can answer. */
  @Bean("streams")
  StreamsReadiness streamsHealth(StreamsBuilderFactoryBean factory) {
    return new StreamsReadiness(factory);
  }

  /**
   * After a restart or a rebalance, a write waits until the views have applied what was already
   * written to its key's partitions (see {@link CatchUpBarrier}): else the retry of a decision this
   * instance, or the partition's previous owner, wrote just before would be written again.
   */
  @Bean
  CatchUpBarrier catchUpBarrier(StreamsBuilderFactoryBean streams, KafkaAdmin kafka) {
    return CatchUpBarrier.listeningTo(streams, kafka, "review-service-handover-barrier");
  }
}
