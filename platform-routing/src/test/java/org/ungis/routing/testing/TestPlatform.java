package org.ungis.routing.testing;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topic;

/**
 * What the instances of a service under test run against: a broker, the schema registry on it and
 * the authorization server, started once for a test class, and the instances started with their
 * addresses.
 */
public final class TestPlatform implements AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker = ServiceInstance.broker();
  private EmbeddedSchemaRegistry registry;
  private EmbeddedAuthServer auth;

  /** Starts the broker, the registry and the authorization server. */
  public static TestPlatform start() {
    TestPlatform platform = new TestPlatform();
    platform.broker.afterPropertiesSet();
    platform.registry = EmbeddedSchemaRegistry.start(platform.broker.getBrokersAsString());
    platform.auth = EmbeddedAuthServer.start();
    return platform;
  }

  public EmbeddedKafkaKraftBroker broker() {
    return broker;
  }

  public EmbeddedSchemaRegistry registry() {
    return registry;
  }

  public EmbeddedAuthServer auth() {
    return auth;
  }

  /**
   * Starts an instance of {@code application} on the broker, with the registry and the token
   * issuer.
   *
   * @param settings further properties
   */
  public ServiceInstance startInstance(Class<?> application, Map<String, String> settings)
      throws Exception {
    Map<String, String> all = new LinkedHashMap<>();
    all.put("spring.kafka.properties.schema.registry.url", registry.url());
    all.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", auth.issuer());
    all.putAll(settings);
    return ServiceInstance.start(application, broker, all);
  }

  /**
   * A producer that writes to the given topics as their owners do: String keys, each value with the
   * Avro serde of the topic it goes to, acknowledged by all replicas.
   */
  public KafkaProducer<String, Object> producer(Topic<?>... topics) {
    Map<String, Serializer<Object>> values = new HashMap<>();
    for (Topic<?> topic : topics) {
      @SuppressWarnings("unchecked")
      Serializer<Object> serializer =
          (Serializer<Object>)
              (Serializer<?>) topic.valueSerde(registry.clientConfig()).serializer();
      values.put(topic.name(), serializer);
    }
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.getBrokersAsString(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            20),
        new StringSerializer(),
        (topic, value) -> {
          Serializer<Object> serializer = values.get(topic);
          if (serializer == null) {
            throw new IllegalArgumentException("this producer does not write to " + topic);
          }
          return serializer.serialize(topic, value);
        });
  }

  @Override
  public void close() {
    ServiceInstance.closeAll(registry, broker::destroy, auth);
  }
}
