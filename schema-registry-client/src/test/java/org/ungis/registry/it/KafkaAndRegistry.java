package org.ungis.registry.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.registry.server.EmbeddedSchemaRegistry;

/**
 * One real KRaft broker and one real schema registry for every integration test of the module,
 * started once per test JVM and stopped when JUnit closes its root store.
 */
final class KafkaAndRegistry implements BeforeAllCallback {

  private static volatile Stack stack;

  /** The running broker and registry. */
  record Stack(EmbeddedKafkaKraftBroker broker, EmbeddedSchemaRegistry registry)
      implements AutoCloseable {

    @Override
    public void close() {
      registry.close();
      broker.destroy();
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(Stack.class, type -> start(), Stack.class);
  }

  private static synchronized Stack start() {
    if (stack == null) {
      EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
      broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
      broker.afterPropertiesSet();
      EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(broker.getBrokersAsString());
      stack = new Stack(broker, registry);
    }
    return stack;
  }

  static String bootstrapServers() {
    return stack.broker().getBrokersAsString();
  }

  static String registryUrl() {
    return stack.registry().url();
  }

  /**
   * Serializer/deserializer properties pointing at the real registry, with the services'
   * development credentials, plus {@code extra}.
   */
  static Map<String, Object> serdeConfig(Object... extra) {
    Map<String, Object> config = new HashMap<>(stack.registry().clientConfig());
    for (int i = 0; i < extra.length; i += 2) {
      config.put((String) extra[i], extra[i + 1]);
    }
    return config;
  }

  static <V> KafkaProducer<String, V> producer(
      Serializer<V> valueSerializer, Map<String, Object> valueSerializerConfig) {
    valueSerializer.configure(valueSerializerConfig, false);
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.LINGER_MS_CONFIG,
            5),
        new StringSerializer(),
        valueSerializer);
  }

  static <V> KafkaConsumer<String, V> consumer(
      Deserializer<V> valueDeserializer, Map<String, Object> valueDeserializerConfig) {
    valueDeserializer.configure(valueDeserializerConfig, false);
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            "it-" + UUID.randomUUID(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        valueDeserializer);
  }

  /** Subscribes and polls until {@code count} records arrived (at most 30 s). */
  static <V> List<ConsumerRecord<String, V>> consume(
      KafkaConsumer<String, V> consumer, String topic, int count) {
    consumer.subscribe(List.of(topic));
    List<ConsumerRecord<String, V>> records = new ArrayList<>();
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ZERO)
        .pollDelay(Duration.ZERO)
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(records::add);
              return records.size() >= count;
            });
    return records;
  }
}
