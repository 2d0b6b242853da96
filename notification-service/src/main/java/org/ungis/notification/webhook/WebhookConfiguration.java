package org.ungis.notification.webhook;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.notification.NotificationSettings;
import org.ungis.schemas.Topics;

/** The registration API's writer of {@code ungis.webhooks.v1} and its reader of the stores. */
@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(WebhookConfiguration.class);

  @Bean
  KafkaTemplate<String, WebhookSubscriptionEvent> webhookTemplate(
      KafkaProperties kafka, KafkaConnectionDetails connection) {
    Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
    config.put(
        CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
        connection.getProducer().getBootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    return new KafkaTemplate<>(
        new DefaultKafkaProducerFactory<>(
            config,
            new StringSerializer(),
            Topics.WEBHOOKS.valueSerde(kafka.getProperties()).serializer()));
  }

  @Bean
  WebhookRegistry webhookRegistry(
      KafkaTemplate<String, WebhookSubscriptionEvent> webhookTemplate,
      StreamsBuilderFactoryBean streams,
      SecretCipher cipher) {
    return new WebhookRegistry(webhookTemplate, streams, cipher);
  }

  /** The signing secrets are stored sealed with {@code ungis.notifications.webhook-secret-key}. */
  @Bean
  SecretCipher webhookSecretCipher(NotificationSettings settings) {
    String key = settings.notifications().webhookSecretKey();
    if (key == null || key.isBlank()) {
      log.warn(
          "ungis.notifications.webhook-secret-key is not set: new webhook secrets are stored in"
              + " clear in {}",
          Topics.WEBHOOKS.name());
      return SecretCipher.clear();
    }
    return new SecretCipher(key);
  }
}
