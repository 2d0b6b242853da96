package org.ungis.registry.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.ungis.registry.client.SchemaRegistryClient;

/**
 * A Kafka Streams {@link Serde} for GenericRecords in the Confluent wire format: {@link
 * KafkaAvroSerializer} and {@link KafkaAvroDeserializer} with {@code specific.avro.reader=false}.
 * Configure it before use ({@link #configure}) with at least {@code schema.registry.url}.
 */
public class GenericAvroSerde implements Serde<GenericRecord> {

  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** For Kafka Streams to instantiate by class name ({@code default.value.serde}). */
  public GenericAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** With a given registry client (e.g. a mock scope's); {@link #configure} must still follow. */
  public GenericAvroSerde(SchemaRegistryClient client) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client);
  }

  private Map<String, Object> configured = Map.of();

  @Override
  public synchronized void configure(Map<String, ?> configs, boolean isKey) {
    // A later configure (e.g. Spring's producer factory configuring a given serializer with the
    // producer's properties) overlays the earlier one instead of forgetting it.
    Map<String, Object> generic = new HashMap<>(configured);
    configs.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            generic.put(key, value);
          }
        });
    generic.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
    generic.remove(
        isKey
            ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE_CONFIG
            : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE_CONFIG);
    serializer.configure(generic, isKey);
    deserializer.configure(generic, isKey);
    configured = Map.copyOf(generic);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return new Serializer<>() {
      @Override
      public void configure(Map<String, ?> configs, boolean isKey) {
        GenericAvroSerde.this.configure(configs, isKey);
      }

      @Override
      public byte[] serialize(String topic, GenericRecord data) {
        return serializer.serialize(topic, data);
      }

      @Override
      public byte[] serialize(String topic, Headers headers, GenericRecord data) {
        return serializer.serialize(topic, headers, data);
      }
    };
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return new Deserializer<>() {
      @Override
      public void configure(Map<String, ?> configs, boolean isKey) {
        GenericAvroSerde.this.configure(configs, isKey);
      }

      @Override
      public GenericRecord deserialize(String topic, byte[] data) {
        return (GenericRecord) deserializer.deserialize(topic, data);
      }

      @Override
      public GenericRecord deserialize(String topic, Headers headers, byte[] data) {
        return (GenericRecord) deserializer.deserialize(topic, headers, data);
      }

      @Override
      public GenericRecord deserialize(String topic, Headers headers, java.nio.ByteBuffer data) {
        return (GenericRecord) deserializer.deserialize(topic, headers, data);
      }
    };
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
