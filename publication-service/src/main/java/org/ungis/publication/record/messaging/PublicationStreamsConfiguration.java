package org.ungis.publication.record.messaging;

import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.publication.PublicationSettings;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;
import org.ungis.streams.RetryMissingInputTopics;
import org.ungis.streams.StreamsDeadLetters;
import org.ungis.streams.StreamsReadiness;
import org.ungis.streams.TopicDeclarations;

/**
 * Kafka wiring: topics, serdes and the stream threads' lifecycle. Spring Boot builds the streams
 * configuration from {@code spring.kafka.streams.*}; what cannot be decoded or processed goes to
 * its topic's dead-letter topic ({@link StreamsDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import(StreamsDeadLetters.class)
class PublicationStreamsConfiguration {

  /**
   * Leaves the consumer group on close, so that a restarted instance gets its tasks back at once
   * instead of after the session timeout (with Kafka 4.1 this takes effect for static members, i.e.
   * when {@code group.instance.id} is set; a dynamic member's session expires); retries while an
   * input topic does not exist yet (its owner may start later); stops the client on any other fatal
   * error (readiness goes down).
   */
  @Bean
  StreamsBuilderFactoryBeanConfigurer streamsLifecycle() {
    return factoryBean -> {
      factoryBean.setLeaveGroupOnClose(true);
      // An output that cannot be serialized (e.g. the schema registry unreachable while
      // publishing) replaces the thread too: the aborted work is done again
      // (exactly once), instead of stopping or dropping it.
      factoryBean.setStreamsUncaughtExceptionHandler(
          new RetryMissingInputTopics(SerializationException.class));
    };
  }

  /** Readiness: up only while the streams run (stores restored, tasks assigned). */
  @Bean("streams")
  StreamsReadiness streamsReadiness(StreamsBuilderFactoryBean streams) {
    return new StreamsReadiness(streams);
  }

  @Bean
  EventSerdes eventSerdes(KafkaProperties kafka) {
    return EventSerdes.from(kafka.getProperties());
  }

  @Bean
  Roster roster(PublicationSettings settings) {
    return settings.roster() == null ? Roster.load() : Roster.load(settings.roster());
  }

  /** The records topic, and the dead-letter topics of it and of the three topics it reads. */
  @Bean
  KafkaAdmin.NewTopics publicationTopics(PublicationSettings settings) {
    return TopicDeclarations.of(
        settings.replicationFactor(),
        List.of(Topics.RECORDS),
        List.of(Topics.RECORDS, Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES));
  }
}
