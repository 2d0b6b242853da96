package org.ungis.containers;

import java.util.List;
import java.util.Map;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.registry.server.EmbeddedSchemaRegistry;

/**
 * The workflow against an embedded KRaft broker (spring-kafka-test) and our schema registry, in
 * process: runs wherever Java runs. The broker reaches the services as a {@link
 * KafkaConnectionDetails} bean, the same contract {@code @ServiceConnection} fulfils for {@link
 * ContainersWorkflowIT}.
 */
class EmbeddedWorkflowIT extends AbstractWorkflowIT {

  private static EmbeddedKafkaBroker broker;
  private EmbeddedSchemaRegistry registry;

  @Override
  protected Class<?> startKafkaAndRegistry() {
    broker =
        new EmbeddedKafkaKraftBroker(1, 1)
            .brokerProperties(
                Map.of(
                    "transaction.state.log.replication.factor", "1",
                    "transaction.state.log.min.isr", "1",
                    "offsets.topic.replication.factor", "1",
                    "group.initial.rebalance.delay.ms", "0",
                    // As in docker-compose.yml and local-stack: every topic is created by its
                    // owner.
                    "auto.create.topics.enable", "false"))
            // Not the default spring.kafka.bootstrap-servers: that system property would reach
            // every service behind the back of the connection details under test.
            .brokerListProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
    broker.afterPropertiesSet();
    registry = EmbeddedSchemaRegistry.start(broker.getBrokersAsString());
    return EmbeddedKafkaConnection.class;
  }

  @Override
  protected String schemaRegistryUrl() {
    return registry.url();
  }

  @Override
  protected void stopKafkaAndRegistry() {
    if (registry != null) {
      registry.close();
    }
    if (broker != null) {
      broker.destroy();
    }
  }

  /** The parent context of the services: the embedded broker's connection details, nothing else. */
  @Configuration(proxyBeanMethods = false)
  static class EmbeddedKafkaConnection {

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails() {
      return () -> List.of(broker.getBrokersAsString().split(","));
    }
  }
}
