package org.ungis.registry.server;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** A Confluent Schema Registry REST API server whose only store is a compacted Kafka topic. */
@SpringBootApplication
@EnableConfigurationProperties(RegistrySettings.class)
public class SchemaRegistryApplication {

  /** Its own config name, so it never reads another application's application.yml. */
  public static final String CONFIG_NAME = "schema-registry";

  public static void main(String[] args) {
    new SpringApplicationBuilder(SchemaRegistryApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME)
        .run(args);
  }
}
