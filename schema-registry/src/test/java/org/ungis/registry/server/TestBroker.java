package org.ungis.registry.server;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** One embedded KRaft broker for all integration tests of this module (started on first use). */
final class TestBroker {

  private static EmbeddedKafkaKraftBroker broker;

  private TestBroker() {}

  static synchronized String bootstrapServers() {
    if (broker == null) {
      broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.afterPropertiesSet();
      Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "test-broker-stop"));
    }
    return broker.getBrokersAsString();
  }
}
