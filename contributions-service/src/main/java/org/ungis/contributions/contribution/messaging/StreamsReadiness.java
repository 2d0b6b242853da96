package org.ungis.contributions.contribution.messaging;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/** Health "streams": UP only while the view topology is RUNNING; part of the readiness group. */
@Component("streams")
class StreamsReadiness implements HealthIndicator {

  private final StreamsBuilderFactoryBean streams;

  StreamsReadiness(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
  }

  @Override
  public Health health() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      return Health.down().withDetail("state", "NOT_STARTED").build();
    }
    KafkaStreams.State state = kafkaStreams.state();
    return (state == KafkaStreams.State.RUNNING ? Health.up() : Health.down())
        .withDetail("state", state.name())
        .build();
  }
}
