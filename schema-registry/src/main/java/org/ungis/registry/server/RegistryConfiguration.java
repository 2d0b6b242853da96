package org.ungis.registry.server;

import java.time.Duration;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ungis.registry.server.core.RegistryService;
import org.ungis.registry.server.core.RegistryState;
import org.ungis.registry.server.store.KafkaSchemaLog;
import org.ungis.registry.server.store.StoreHealthIndicator;

/** Wires the registry: state, log, service, and the start-up wait for the log. */
@Configuration(proxyBeanMethods = false)
class RegistryConfiguration {

  @Bean
  RegistryState registryState() {
    return new RegistryState();
  }

  @Bean
  KafkaSchemaLog kafkaSchemaLog(
      KafkaProperties kafka, RegistrySettings settings, RegistryState state) {
    return new KafkaSchemaLog(
        kafka.buildProducerProperties(),
        kafka.buildConsumerProperties(),
        kafka.buildAdminProperties(),
        new KafkaSchemaLog.Settings(
            settings.topic(),
            settings.topicReplicationFactor(),
            settings.initTimeout(),
            settings.writeTimeout()),
        state);
  }

  @Bean
  RegistryService registryService(
      RegistryState state, KafkaSchemaLog log, RegistrySettings settings) {
    return new RegistryService(state, log, settings.defaultCompatibility());
  }

  @Bean
  StoreHealthIndicator schemaStoreHealthIndicator(KafkaSchemaLog log, RegistrySettings settings) {
    return new StoreHealthIndicator(log, settings.topic());
  }

  @Bean
  LoserSweeper loserSweeper(RegistryService registry) {
    return new LoserSweeper(registry, Duration.ofSeconds(30));
  }

  /** Start-up completes (and readiness turns on) only once the whole log has been read. */
  @Bean
  ApplicationRunner awaitSchemaLog(
      KafkaSchemaLog log, RegistryService registry, RegistrySettings settings) {
    return args -> {
      log.awaitReady(settings.initTimeout());
      registry.removeLeftoverLosers();
    };
  }
}
