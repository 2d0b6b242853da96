package org.ungis.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class EmbeddedSchemaRegistrySmokeIT {

  static EmbeddedKafkaKraftBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
  }

  @AfterAll
  static void stopBroker() {
    broker.destroy();
  }

  @Test
  void startsRegistersAndServesBack() {
    try (EmbeddedSchemaRegistry registry =
        EmbeddedSchemaRegistry.start(broker.getBrokersAsString())) {
      RegistryHttp http = new RegistryHttp(registry.url());
      RegistryHttp.Response registered = http.register("smoke-value", Schemas.V1);
      assertThat(registered.status()).isEqualTo(200);
      int id = registered.json().path("id").asInt();
      assertThat(http.get("/schemas/ids/" + id).json().path("schema").asString())
          .contains("Contribution");
      assertThat(http.get("/actuator/health/readiness", "application/json").status())
          .isEqualTo(200);
    }
  }
}
