package org.ungis.streams;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Readiness of a service's Kafka Streams client: up only while it is {@code RUNNING} (its stores
 * restored and its tasks assigned), so that the service takes no traffic its views cannot answer. A
 * service declares it as the {@code streams} indicator of its readiness group.
 */
public final class StreamsReadiness implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  public StreamsReadiness(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
    return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down())
        .withDetail("state", state == null ? "NOT_STARTED" : state.name())
        .build();
  }
}
