package org.ungis.publication.record.messaging;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.ungis.publication.PublicationSettings;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;
import org.ungis.streams.DeadLetterProcessingExceptionHandler;

/** Kafka wiring: topics, serdes, the dead-letter path and the publication topology. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class PublicationStreamsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(PublicationStreamsConfiguration.class);

  static final String APPLICATION_ID = "publication-service";

  @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
  KafkaStreamsConfiguration defaultKafkaStreamsConfig(
      KafkaProperties kafka,
      KafkaConnectionDetails connection,
      DeadLetterPublishingRecoverer deadLetters) {
    Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
    useConnection(config, connection.getStreams());
    config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    config.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        RecoveringDeserializationExceptionHandler.class);
    config.put(
        RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, deadLetters);
    config.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingExceptionHandler.class);
    config.put(DeadLetterProcessingExceptionHandler.RECOVERER, deadLetters);
    config.put(StreamsConfig.globalConsumerPrefix("isolation.level"), "read_committed");
    return new KafkaStreamsConfiguration(config);
  }

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
      factoryBean.setStreamsUncaughtExceptionHandler(
          e -> {
            if (e instanceof MissingSourceTopicException
                || e.getCause() instanceof MissingSourceTopicException) {
              log.warn("an input topic does not exist yet; retrying: {}", e.getMessage());
              return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            if (causedBy(e, SerializationException.class)) {
              // e.g. the schema registry unreachable while publishing: the aborted work is done
              // again by a new thread (exactly once), instead of stopping or dropping it.
              log.warn("cannot serialize an output; replacing the stream thread: {}", e.toString());
              return StreamThreadExceptionResponse.REPLACE_THREAD;
            }
            log.error("stream thread failed; stopping the streams client", e);
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
          });
    };
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  @Bean
  EventSerdes eventSerdes(KafkaProperties kafka) {
    return EventSerdes.from(kafka.getProperties());
  }

  @Bean
  Roster roster(PublicationSettings settings) {
    return settings.roster() == null ? Roster.load() : Roster.load(settings.roster());
  }

  /** Dead letters keep their original bytes: a plain byte-array producer, idempotent, acks=all. */
  @Bean
  KafkaTemplate<byte[], byte[]> deadLetterTemplate(
      KafkaProperties kafka, KafkaConnectionDetails connection) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    useConnection(config, connection.getProducer());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
  }

  /** Sends a record that cannot be read to its topic's {@code .DLT}, with its bytes and headers. */
  @Bean
  DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<byte[], byte[]> template) {
    return new DeadLetterPublishingRecoverer(
        template,
        (record, exception) ->
            Topics.ALL.stream()
                .filter(t -> t.name().equals(record.topic()))
                .findFirst()
                .map(t -> new TopicPartition(t.deadLetterTopic(), -1))
                .orElse(null));
  }

  @Bean
  KafkaAdmin.NewTopics publicationTopics(PublicationSettings settings) {
    short replicas = settings.replicationFactor();
    return new KafkaAdmin.NewTopics(
        Topics.RECORDS.newTopic(replicas),
        Topics.RECORDS.newDeadLetterTopic(replicas),
        Topics.CONTRIBUTIONS.newDeadLetterTopic(replicas),
        Topics.REVIEWS.newDeadLetterTopic(replicas),
        Topics.PROCESSES.newDeadLetterTopic(replicas));
  }

  /**
   * The broker as Spring Boot's connection details give it: from {@code spring.kafka.*}, or from a
   * {@code @ServiceConnection}, which {@link KafkaProperties} alone would not see.
   */
  private static void useConnection(
      Map<String, Object> config, KafkaConnectionDetails.Configuration connection) {
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, connection.getBootstrapServers());
    if (connection.getSecurityProtocol() != null) {
      config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, connection.getSecurityProtocol());
    }
  }
}
