package org.ungis.registry.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.ungis.registry.client.SchemaRegistryClient;

/**
 * A Kafka Streams {@link Serde} for generated SpecificRecord classes in the Confluent wire format:
 * {@link KafkaAvroSerializer} and {@link KafkaAvroDeserializer} with {@code
 * specific.avro.reader=true}. Configure it before use ({@link #configure}) with at least {@code
 * schema.registry.url}; {@code org.ungis.schemas.Topic#valueSerde(Map)} does that for a topic.
 *
 * @param <T> the generated class
 */
public class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** For Kafka Streams to instantiate by class name ({@code default.value.serde}). */
  public SpecificAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** With a given registry client (e.g. a mock scope's); {@link #configure} must still follow. */
  public SpecificAvroSerde(SchemaRegistryClient client) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client);
  }

  private Map<String, Object> configured = Map.of();

  @Override
  public synchronized void configure(Map<String, ?> configs, boolean isKey) {
    // A later configure (e.g. Spring's producer factory configuring a given serializer with the
    // producer's properties) overlays the earlier one instead of forgetting it.
    Map<String, Object> specific = new HashMap<>(configured);
    configs.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            specific.put(key, value);
          }
        });
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    serializer.configure(specific, isKey);
    deserializer.configure(specific, isKey);
    configured = Map.copyOf(specific);
  }

  @Override
  public Serializer<T> serializer() {
    return new Serializer<>() {
      @Override
      public void configure(Map<String, ?> configs, boolean isKey) {
        SpecificAvroSerde.this.configure(configs, isKey);
      }

      @Override
      public byte[] serialize(String topic, T data) {
        return serializer.serialize(topic, data);
      }

      @Override
      public byte[] serialize(String topic, Headers headers, T data) {
        return serializer.serialize(topic, headers, data);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return new Deserializer<>() {
      @Override
      public void configure(Map<String, ?> configs, boolean isKey) {
        SpecificAvroSerde.this.configure(configs, isKey);
      }

      @Override
      @SuppressWarnings("unchecked")
      public T deserialize(String topic, byte[] data) {
        return (T) deserializer.deserialize(topic, data);
      }

      @Override
      @SuppressWarnings("unchecked")
      public T deserialize(String topic, Headers headers, byte[] data) {
        return (T) deserializer.deserialize(topic, headers, data);
      }

      @Override
      @SuppressWarnings("unchecked")
      public T deserialize(String topic, Headers headers, java.nio.ByteBuffer data) {
        return (T) deserializer.deserialize(topic, headers, data);
      }
    };
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
