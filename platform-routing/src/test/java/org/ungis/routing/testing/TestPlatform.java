package org.ungis.routing.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topic;

/**
 * What the instances of a service under test run against: a broker, the schema registry on it and
 * the authorization server, started once for a test class, and the instances started with their
 * addresses. A JUnit extension: {@code @RegisterExtension static final TestPlatform PLATFORM = new
 * TestPlatform();} starts it before the class's tests and stops it, and every instance it started,
 * after them.
 */
public final class TestPlatform implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private final EmbeddedKafkaKraftBroker broker = ServiceInstance.broker();
  private final List<ServiceInstance> instances = new ArrayList<>();
  private EmbeddedSchemaRegistry registry;
  private EmbeddedAuthServer auth;

  @Override
  public void beforeAll(ExtensionContext context) {
    broker.afterPropertiesSet();
    registry = EmbeddedSchemaRegistry.start(broker.getBrokersAsString());
    auth = EmbeddedAuthServer.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
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
    ServiceInstance instance = ServiceInstance.start(application, broker, all);
    instances.add(instance);
    return instance;
  }

  /**
   * Writes {@code count} records of other keys to the partition of {@code key}, ahead of what comes
   * next for it (as the producers' default partitioner places them): a backlog that a restarted
   * view must work through before it sees the key's next record.
   *
   * @param valueOf the value of each other key's record
   * @return the partition of {@code key}
   */
  public int backlog(
      KafkaProducer<String, Object> producer,
      Topic<?> topic,
      String key,
      int count,
      Function<String, Object> valueOf) {
    int partitions = producer.partitionsFor(topic.name()).size();
    for (String other : ServiceInstance.keysInPartitionOf(key, partitions, count)) {
      producer.send(new ProducerRecord<>(topic.name(), other, valueOf.apply(other)));
    }
    return ServiceInstance.partitionOf(key, partitions);
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

  /** Stops the instances it started (the last first), the registry, the broker and the server. */
  @Override
  public void close() {
    List<AutoCloseable> all = new ArrayList<>(instances);
    Collections.reverse(all);
    all.add(registry);
    all.add(broker::destroy);
    all.add(auth);
    ServiceInstance.closeAll(all.toArray(AutoCloseable[]::new));
  }
}
