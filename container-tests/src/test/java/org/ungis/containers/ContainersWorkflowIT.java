package org.ungis.containers;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * The workflow against Confluent's images, the production shape of docker-compose.yml: Kafka in
 * KRaft mode ({@code confluentinc/cp-kafka}) and Confluent Schema Registry ({@code
 * confluentinc/cp-schema-registry}), at the tag the compose file uses.
 *
 * <p>The Kafka container reaches the services through {@code @ServiceConnection}: the services'
 * parent context imports the containers declared here ({@code @ImportTestcontainers}), and Spring
 * Boot turns the annotated one into the {@code KafkaConnectionDetails} every service uses. Spring
 * Boot has no connection details for a schema registry, so its URL is passed as {@code
 * spring.kafka.properties.schema.registry.url}, as in production.
 *
 * <p>Reported as skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersWorkflowIT extends AbstractWorkflowIT {

  private static final int REGISTRY_PORT = 8081;

  static final Network NETWORK = Network.newNetwork();

  @Container @ServiceConnection
  static final ConfluentKafkaContainer KAFKA =
      new ConfluentKafkaContainer(ConfluentImages.KAFKA)
          .withNetwork(NETWORK)
          // The registry's way in, inside the container network.
          .withListener("kafka:19092")
          .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");

  @Container
  static final GenericContainer<?> SCHEMA_REGISTRY =
      new GenericContainer<>(ConfluentImages.SCHEMA_REGISTRY)
          .withNetwork(NETWORK)
          .withExposedPorts(REGISTRY_PORT)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1")
          .withEnv("SCHEMA_REGISTRY_SCHEMA_COMPATIBILITY_LEVEL", "backward")
          .waitingFor(Wait.forHttp("/subjects").forPort(REGISTRY_PORT).forStatusCode(200))
          .dependsOn(KAFKA);

  @Override
  protected Class<?> startKafkaAndRegistry() {
    // Both containers are started by @Testcontainers before this runs.
    return ContainerConnections.class;
  }

  @Override
  protected String schemaRegistryUrl() {
    return "http://"
        + SCHEMA_REGISTRY.getHost()
        + ":"
        + SCHEMA_REGISTRY.getMappedPort(REGISTRY_PORT);
  }

  /**
   * The parent context of the services: the containers above as beans, and the {@code
   * KafkaConnectionDetails} that {@code @ServiceConnection} derives from the Kafka container.
   */
  @Configuration(proxyBeanMethods = false)
  @ImportTestcontainers(ContainersWorkflowIT.class)
  @ImportAutoConfiguration(ServiceConnectionAutoConfiguration.class)
  static class ContainerConnections {}
}
