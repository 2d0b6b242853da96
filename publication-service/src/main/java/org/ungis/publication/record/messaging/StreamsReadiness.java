package org.ungis.publication.record.messaging;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Health of the Kafka Streams client: up only while it is RUNNING (its stores restored and its
 * tasks assigned). Part of the readiness group, so the service takes no traffic before.
 */
@Component("streamsHealthIndicator")
class StreamsReadiness implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  StreamsReadiness(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
    Health.Builder health =
        state == KafkaStreams.State.RUNNING ? Health.up() : Health.outOfService();
    return health.withDetail("state", state == null ? "NOT_STARTED" : state.name()).build();
  }
}
