package org.ungis.registry.serde;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.ungis.registry.client.SchemaRegistryClient;
import org.ungis.registry.client.SchemaRegistryClients;
import org.ungis.registry.client.SchemaRegistryException;
import org.ungis.registry.client.SchemaRegistryUnavailableException;

/**
 * Reads the Confluent wire format: checks the magic byte, fetches the writer schema by id (once per
 * id, then cached) and decodes the Avro binary into a GenericRecord, or, with {@code
 * specific.avro.reader=true} or {@code specific.avro.value.type}, into the generated SpecificRecord
 * class, resolving the writer schema to the class's schema (schema evolution in both directions).
 * {@code null} stays {@code null} (a tombstone). Strings of specific records are {@link String};
 * logical types use the generated class's conversions ({@code Instant}, {@code UUID}).
 *
 * <h2>Errors and where they surface</h2>
 *
 * An unknown magic byte, an unknown schema id, or bytes that do not decode raise a {@link
 * SerializationException} whose message names the topic and the schema id (a Deserializer is not
 * told the partition and offset). The layers above add them:
 *
 * <ul>
 *   <li>a plain {@code KafkaConsumer.poll} wraps it in a {@link
 *       org.apache.kafka.common.errors.RecordDeserializationException} (itself a
 *       SerializationException) whose message names the partition ({@code topic-N}) and offset and
 *       which carries {@code topicPartition()} and {@code offset()};
 *   <li>Spring Kafka: configure {@code
 *       org.springframework.kafka.support.serializer.ErrorHandlingDeserializer} with this class as
 *       delegate ({@code spring.deserializer.value.delegate.class}); the exception then reaches the
 *       container's {@code DefaultErrorHandler} with the ConsumerRecord (topic, partition, offset),
 *       and a {@code DeadLetterPublishingRecoverer} publishes the original bytes to the dead-letter
 *       topic with headers {@code kafka_dlt-original-topic/-partition/-offset} and {@code
 *       kafka_dlt-exception-message} (this message);
 *   <li>Kafka Streams passes it to the {@code DeserializationExceptionHandler} with an {@code
 *       ErrorHandlerContext} holding topic, partition and offset.
 * </ul>
 *
 * <p>A schema that cannot be fetched because the registry is unreachable or failing (5xx) says
 * nothing about the record: that SerializationException's cause is a {@link
 * SchemaRegistryUnavailableException}, a Kafka {@code RetriableException}, so that the handlers
 * above read the record again instead of dead-lettering it.
 *
 * <p>Thread-safe; decoders are reused per thread.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

  private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

  private SchemaRegistryClient client;
  private boolean specificReader;
  private Class<? extends SpecificRecord> specificType;
  private GenericData genericModel = GenericData.get();

  private final Map<ReaderKey, Reader> readers = new ConcurrentHashMap<>();

  private record ReaderKey(int id, Schema readerSchema) {}

  /** A writer schema and how to read it. {@code reader} is null for a raw bytes schema. */
  private record Reader(Schema writerSchema, DatumReader<Object> reader) {}

  /** For Kafka to instantiate by class name; {@link #configure} must follow. */
  public KafkaAvroDeserializer() {}

  /** With a given client; {@link #configure} must still follow. */
  public KafkaAvroDeserializer(SchemaRegistryClient client) {
    this.client = client;
  }

  /** With a given client, configured as a value deserializer with {@code props}. */
  public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> props) {
    this(client);
    configure(props, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs, isKey);
    this.specificType = config.specificType();
    this.specificReader = config.specificAvroReader();
    this.genericModel =
        config.useLogicalTypeConverters() ? AvroData.GENERIC_WITH_CONVERSIONS : GenericData.get();
    if (client == null) {
      client = SchemaRegistryClients.forConfig(config.originals());
    }
    readers.clear();
  }

  /** The registry client this deserializer uses. */
  public SchemaRegistryClient client() {
    return client;
  }

  @Override
  public Object deserialize(String topic, byte[] data) {
    return data == null ? null : read(topic, data, 0, data.length, null);
  }

  @Override
  public Object deserialize(String topic, Headers headers, byte[] data) {
    return deserialize(topic, data);
  }

  @Override
  public Object deserialize(String topic, Headers headers, ByteBuffer data) {
    if (data == null) {
      return null;
    }
    if (data.hasArray()) {
      return read(
          topic, data.array(), data.arrayOffset() + data.position(), data.remaining(), null);
    }
    byte[] copy = new byte[data.remaining()];
    data.duplicate().get(copy);
    return read(topic, copy, 0, copy.length, null);
  }

  /**
   * Reads {@code data} resolved to {@code readerSchema} as a generic datum (Confluent's signature):
   * e.g. an old consumer's schema reading a newer writer's record.
   */
  public Object deserialize(String topic, byte[] data, Schema readerSchema) {
    return data == null
        ? null
        : read(topic, data, 0, data.length, Objects.requireNonNull(readerSchema));
  }

  private Object read(String topic, byte[] data, int offset, int length, Schema readerSchema) {
    if (client == null) {
      throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
    }
    if (length < WireFormat.HEADER_SIZE || data[offset] != WireFormat.MAGIC_BYTE) {
      throw new SerializationException(
          (length == 0
                  ? "Empty record"
                  : length < WireFormat.HEADER_SIZE
                      ? "Record of " + length + " bytes, too short for the Confluent wire format,"
                      : "Unknown magic byte 0x"
                          + String.format("%02x", data[offset] & 0xff)
                          + " (expected 0x00, the Confluent wire format)")
              + " in topic '"
              + topic
              + "'");
    }
    int id = WireFormat.readId(data, offset + 1);
    Reader reader = reader(topic, id, readerSchema);
    int payloadOffset = offset + WireFormat.HEADER_SIZE;
    int payloadLength = length - WireFormat.HEADER_SIZE;
    if (reader.reader() == null) {
      return Arrays.copyOfRange(data, payloadOffset, payloadOffset + payloadLength);
    }
    try {
      BinaryDecoder decoder =
          DecoderFactory.get().binaryDecoder(data, payloadOffset, payloadLength, DECODER.get());
      DECODER.set(decoder);
      Object result = reader.reader().read(null, decoder);
      return result instanceof Utf8 utf8 ? utf8.toString() : result;
    } catch (Exception | StackOverflowError e) {
      throw new SerializationException(
          "Error deserializing Avro record of topic '"
              + topic
              + "' with schema id "
              + id
              + " ("
              + reader.writerSchema().getFullName()
              + "): "
              + Objects.toString(e.getMessage(), e.getClass().getName()),
          e);
    }
  }

  private Reader reader(String topic, int id, Schema readerSchema) {
    ReaderKey key = new ReaderKey(id, readerSchema);
    Reader reader = readers.get(key);
    if (reader == null) {
      reader = readers.computeIfAbsent(key, k -> newReader(topic, id, readerSchema));
    }
    return reader;
  }

  private Reader newReader(String topic, int id, Schema readerSchema) {
    Schema writer;
    try {
      writer = client.getSchemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.status() >= 500) {
        // the registry failed, not the record: retriable, like an unreachable registry
        throw new SerializationException(
            "Error retrieving schema id " + id + " of a record in topic '" + topic + "'",
            new SchemaRegistryUnavailableException(e.getMessage(), e));
      }
      throw new SerializationException(
          (e.isNotFound() ? "Unknown schema id " : "Error retrieving schema id ")
              + id
              + " of a record in topic '"
              + topic
              + "': "
              + e.getMessage(),
          e);
    } catch (SchemaRegistryUnavailableException e) {
      throw new SerializationException(
          "Error retrieving schema id " + id + " of a record in topic '" + topic + "'", e);
    }
    if (readerSchema != null) {
      return new Reader(writer, new GenericDatumReader<>(writer, readerSchema, genericModel));
    }
    if (writer.getType() == Schema.Type.BYTES) {
      return new Reader(writer, null);
    }
    if (specificReader && isNamed(writer)) {
      Class<?> type = specificType != null ? specificType : specificClass(topic, id, writer);
      SpecificData model = SpecificData.getForClass(type);
      Schema classSchema = model.getSchema(type);
      return new Reader(writer, new SpecificDatumReader<>(writer, classSchema, model));
    }
    return new Reader(writer, new GenericDatumReader<>(writer, writer, genericModel));
  }

  private static boolean isNamed(Schema schema) {
    return schema.getType() == Schema.Type.RECORD
        || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED;
  }

  private static Class<?> specificClass(String topic, int id, Schema writer) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type = loader == null ? null : new SpecificData(loader).getClass(writer);
    if (type == null) {
      type = new SpecificData(KafkaAvroDeserializer.class.getClassLoader()).getClass(writer);
    }
    if (type == null) {
      throw new SerializationException(
          "Could not find class "
              + writer.getFullName()
              + " named by the writer schema (id "
              + id
              + ") of a record in topic '"
              + topic
              + "' whilst finding the reader's schema for a SpecificRecord");
    }
    return type;
  }

  @Override
  public void close() {
    // The registry client is shared per process (or given by the caller): nothing to release.
  }
}
