package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.notification.NotificationSettings;
import org.ungis.notification.notice.Courier;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.webhook.SecretCipher;
import org.ungis.notification.webhook.WebhookSender;
import org.ungis.reference.People;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.streams.RetryMissingInputTopics;
import org.ungis.streams.StreamsDeadLetters;
import org.ungis.streams.TopicDeclarations;

/**
 * Kafka wiring: the service's topics and the topology. Spring Boot builds the streams configuration
 * from {@code spring.kafka.streams.*}; what cannot be decoded or processed goes to its topic's
 * dead-letter topic ({@link StreamsDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import(StreamsDeadLetters.class)
class NotificationStreamsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotificationStreamsConfiguration.class);

  /** The topics the service reads; it creates their dead-letter topics. */
  static final List<Topic<?>> INPUTS =
      List.of(
          Topics.CONTRIBUTIONS,
          Topics.REVIEWS,
          Topics.PROCESSES,
          Topics.RECORDS,
          Topics.NOTIFICATIONS,
          Topics.WEBHOOKS);

  /** Retries while an input topic does not exist yet; stops the client on any other fatal error. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer notificationStreamsLifecycle() {
    return factoryBean ->
        factoryBean.setStreamsUncaughtExceptionHandler(new RetryMissingInputTopics());
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
  DeliveryGate deliveryGate() {
    return new DeliveryGate();
  }

  /**
   * On a clean stop, before the streams client closes (a higher phase stops first): no new attempt
   * starts and the started ones settle, so that the close commits their outcomes.
   */
  @Bean
  SmartLifecycle deliveryDrain(
      DeliveryGate gate, NotificationSettings settings, StreamsBuilderFactoryBean streams) {
    int phase = streams.getPhase() + 1;
    Duration wait = settings.notifications().webhookTimeout().plusSeconds(5);
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        running = false;
        try {
          if (!gate.drain(wait)) {
            log.warn("attempts still unanswered after {}: they are attempted again at start", wait);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return phase;
      }
    };
  }

  @Bean
  InitializingBean notificationTopology(
      StreamsBuilder builder,
      KafkaProperties kafka,
      Recipients recipients,
      Courier courier,
      NotificationSettings settings,
      DeliveryGate gate,
      SecretCipher cipher,
      Clock clock) {
    NotificationSettings.Notifications n = settings.notifications();
    return () ->
        NotificationTopology.build(
            builder,
            NotificationTopology.EventSerdes.from(kafka.getProperties()),
            recipients,
            new Letters(n.portalUrl()),
            courier,
            new WebhookSender(n.webhookTimeout(), cipher),
            new Backoff(n.firstRetry(), n.maxRetryInterval(), n.retryFor()),
            new NotificationTopology.Schedule(
                n.retryTick(), n.webhookTimeout().plusSeconds(5), n.reminderCheck()),
            clock,
            gate);
  }

  /** The delivery log and the dead-letter topics, created at start if missing. */
  @Bean
  KafkaAdmin.NewTopics notificationTopics(NotificationSettings settings) {
    return TopicDeclarations.of(
        settings.replicationFactor(), List.of(Topics.NOTIFICATIONS, Topics.WEBHOOKS), INPUTS);
  }
}
