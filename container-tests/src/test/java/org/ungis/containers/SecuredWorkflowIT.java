package org.ungis.containers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;
import org.ungis.localstack.LocalBrokerAccess;
import org.ungis.localstack.LocalKafkaBroker;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.access.BrokerAccess;

/**
 * The workflow against a broker that authenticates every client and authorizes it by ACL, as
 * production runs it: the access rules ({@link BrokerAccess}) applied, the schema registry and each
 * service signing in as its own principal (SCRAM-SHA-512, passwords of this run only), the records
 * read back as the downstream {@code records-reader}. A grant missing from the rules (a changelog,
 * a group, a transactional id, a dead-letter topic) makes a service fail to become ready or the
 * workflow stall.
 */
class SecuredWorkflowIT extends AbstractWorkflowIT {

  private static LocalKafkaBroker broker;
  private static Path dataDir;
  private final Map<String, String> passwords = new HashMap<>();
  private EmbeddedSchemaRegistry registry;

  @Override
  protected Class<?> startKafkaAndRegistry() {
    try {
      dataDir = Files.createTempDirectory("ungis-secured-broker");
      broker =
          LocalKafkaBroker.start(
              LocalKafkaBroker.Settings.defaults(dataDir)
                  .withFreePorts()
                  .secured(UUID.randomUUID().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    BrokerAccess.principalNames()
        .forEach(name -> passwords.put(name, UUID.randomUUID().toString()));
    LocalBrokerAccess.apply(broker, passwords);
    registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), signIn("schema-registry"));
    return SecuredKafkaConnection.class;
  }

  /** The Spring Boot settings of a client signing in as that principal. */
  private Map<String, String> signIn(String principal) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.kafka.security.protocol", "SASL_PLAINTEXT");
    properties.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
    properties.put(
        "spring.kafka.properties.sasl.jaas.config",
        LocalKafkaBroker.scramLogin(principal, passwords.get(principal)));
    return properties;
  }

  @Override
  protected Map<String, String> kafkaPropertiesOf(String service) {
    return signIn(service);
  }

  @Override
  protected Map<String, Object> recordsReaderProperties() {
    Map<String, Object> reader =
        new HashMap<>(
            broker.clientProperties(
                BrokerAccess.RECORDS_READER, passwords.get(BrokerAccess.RECORDS_READER)));
    reader.put(
        ConsumerConfig.GROUP_ID_CONFIG, BrokerAccess.RECORDS_READER + "-" + UUID.randomUUID());
    return reader;
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
      broker.close();
    }
    if (dataDir != null) {
      FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
  }

  /** The parent context of the services: the secured broker's address and protocol. */
  @Configuration(proxyBeanMethods = false)
  static class SecuredKafkaConnection {

    @Bean
    KafkaConnectionDetails kafkaConnectionDetails() {
      return new KafkaConnectionDetails() {
        @Override
        public List<String> getBootstrapServers() {
          return List.of(broker.bootstrapServers());
        }

        @Override
        public String getSecurityProtocol() {
          return "SASL_PLAINTEXT";
        }
      };
    }
  }
}
