package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
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
import org.ungis.notification.NotificationSettings;
import org.ungis.notification.notice.Courier;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.webhook.WebhookSender;
import org.ungis.reference.People;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.streams.DeadLetterProcessingExceptionHandler;

/** Kafka wiring: the service's topics, the dead-letter path and the topology. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class NotificationStreamsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationStreamsConfiguration.class);

  static final String APPLICATION_ID = "notification-service";

  /** The topics the service reads, whose undecodable records it dead-letters. */
  static final java.util.List<Topic<?>> INPUTS =
      java.util.List.of(
          Topics.CONTRIBUTIONS,
          Topics.REVIEWS,
          Topics.PROCESSES,
          Topics.RECORDS,
          Topics.NOTIFICATIONS,
          Topics.WEBHOOKS);

  @Bean(name = KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
  KafkaStreamsConfiguration defaultKafkaStreamsConfig(
      KafkaProperties kafka,
      KafkaConnectionDetails connection,
      DeadLetterPublishingRecoverer deadLetters) {
    Map<String, Object> config = new HashMap<>(kafka.buildStreamsProperties());
    config.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        connection.getStreams().getBootstrapServers());
    config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
    // The "sent" marks, the retry schedule and the input offsets commit together.
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
    return new KafkaStreamsConfiguration(config);
  }

  /** Retries while an input topic does not exist yet; stops the client on any other fatal error. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer notificationStreamsLifecycle() {
    return factoryBean ->
        factoryBean.setStreamsUncaughtExceptionHandler(
            e -> {
              if (e instanceof MissingSourceTopicException
                  || e.getCause() instanceof MissingSourceTopicException) {
                log.warn("an input topic does not exist yet; retrying: {}", e.getMessage());
                return StreamThreadExceptionResponse.REPLACE_THREAD;
              }
              log.error("stream thread failed; stopping the streams client", e);
              return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
  }

  @Bean
  Roster roster(NotificationSettings settings) {
    return settings.roster() == null ? Roster.load() : Roster.load(settings.roster());
  }

  @Bean
  Recipients recipients(NotificationSettings settings, Roster roster) {
    People people =
        settings.people() == null ? People.load(roster) : People.load(settings.people(), roster);
    return new Recipients(people, roster);
  }

  @Bean
  InitializingBean notificationTopology(
      StreamsBuilder builder,
      KafkaProperties kafka,
      Recipients recipients,
      Courier courier,
      NotificationSettings settings) {
    NotificationSettings.Notifications n = settings.notifications();
    return () ->
        NotificationTopology.build(
            builder,
            NotificationTopology.EventSerdes.from(kafka.getProperties()),
            recipients,
            new Letters(n.portalUrl()),
            courier,
            new WebhookSender(n.webhookTimeout()),
            new Backoff(n.firstRetry(), n.maxRetryInterval(), n.retryFor()),
            new NotificationTopology.Schedule(
                n.retryTick(), n.webhookTimeout().plusSeconds(5), n.reminderCheck()),
            Clock.systemUTC());
  }

  /** Dead letters keep their original bytes: a plain byte-array producer, idempotent, acks=all. */
  @Bean
  KafkaTemplate<byte[], byte[]> deadLetterTemplate(
      KafkaProperties kafka, KafkaConnectionDetails connection) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        connection.getProducer().getBootstrapServers());
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config));
  }

  /** Sends a record that cannot be read or processed to its topic's {@code .DLT}. */
  @Bean
  DeadLetterPublishingRecoverer deadLetterRecoverer(KafkaTemplate<byte[], byte[]> template) {
    return new DeadLetterPublishingRecoverer(
        template,
        (record, exception) ->
            INPUTS.stream()
                .filter(t -> t.name().equals(record.topic()))
                .findFirst()
                .map(t -> new TopicPartition(t.deadLetterTopic(), -1))
                .orElse(null));
  }

  /** The delivery log and the dead-letter topics, created at start if missing. */
  @Bean
  KafkaAdmin.NewTopics notificationTopics(NotificationSettings settings) {
    short replicas = settings.replicationFactor();
    java.util.List<NewTopic> topics = new java.util.ArrayList<>();
    topics.add(Topics.NOTIFICATIONS.newTopic(replicas));
    topics.add(Topics.WEBHOOKS.newTopic(replicas));
    for (Topic<?> input : INPUTS) {
      topics.add(input.newDeadLetterTopic(replicas));
    }
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }
}
