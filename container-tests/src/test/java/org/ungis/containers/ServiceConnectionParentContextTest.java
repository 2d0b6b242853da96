package org.ungis.containers;

import static org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.testcontainers.context.ImportTestcontainers;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.ProducerFactory;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * The Spring wiring {@link ContainersWorkflowIT} relies on, checked on every build, Docker or not.
 * A parent context that imports a {@code @ServiceConnection} Kafka container
 * ({@code @ImportTestcontainers}) holds the {@link KafkaConnectionDetails}, and a child
 * application's Kafka auto-configuration takes its servers from there rather than from {@code
 * spring.kafka.bootstrap-servers}.
 *
 * <p>Docker is the one thing stood in for: the container below is never started and answers a fixed
 * address, and nothing connects to it. {@code ContainersWorkflowIT} runs the real images.
 */
class ServiceConnectionParentContextTest {

  private static final String CONTAINER_ADDRESS = "kafka.invalid:19092";

  @Test
  void aChildApplicationTakesItsBrokerFromTheParentsServiceConnection() {
    try (ConfigurableApplicationContext parent =
            new SpringApplicationBuilder(Connections.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .properties("spring.config.name=container-tests-connections")
                .run();
        ConfigurableApplicationContext child =
            new SpringApplicationBuilder(KafkaClientApplication.class)
                .parent(parent)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(
                    "--spring.config.name=container-tests-child",
                    "--spring.kafka.bootstrap-servers=localhost:9092",
                    "--spring.kafka.admin.auto-create=false")) {

      KafkaConnectionDetails details = parent.getBean(KafkaConnectionDetails.class);
      assertThat(details.getBootstrapServers()).containsExactly(CONTAINER_ADDRESS);
      assertThat(child.getBean(KafkaConnectionDetails.class)).isSameAs(details);
      assertThat(child.getBean(KafkaAdmin.class).getConfigurationProperties())
          .containsEntry(BOOTSTRAP_SERVERS_CONFIG, List.of(CONTAINER_ADDRESS));
      assertThat(child.getBean(ProducerFactory.class).getConfigurationProperties())
          .containsEntry(BOOTSTRAP_SERVERS_CONFIG, List.of(CONTAINER_ADDRESS));
    }
  }

  /** The container declarations, shaped as in {@link ContainersWorkflowIT}. */
  static class Declarations {

    @ServiceConnection static final ConfluentKafkaContainer KAFKA = new NeverStarted();
  }

  /** The parent, configured as {@link ContainersWorkflowIT.ContainerConnections} is. */
  @Configuration(proxyBeanMethods = false)
  @ImportTestcontainers(Declarations.class)
  @ImportAutoConfiguration(ServiceConnectionAutoConfiguration.class)
  static class Connections {}

  /** A Kafka client application: Spring Boot's Kafka auto-configuration and nothing else. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(KafkaAutoConfiguration.class)
  static class KafkaClientApplication {}

  /** Confluent's Kafka container with Docker left out: no image pull, no start, no stop. */
  static final class NeverStarted extends ConfluentKafkaContainer {

    NeverStarted() {
      super(ConfluentImages.KAFKA);
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}

    @Override
    public String getDockerImageName() {
      return ConfluentImages.KAFKA.asCanonicalNameString();
    }

    @Override
    public String getBootstrapServers() {
      return CONTAINER_ADDRESS;
    }
  }
}
