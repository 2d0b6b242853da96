package org.ungis.registry.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;
import org.ungis.registry.client.SchemaMetadata;
import org.ungis.registry.client.SchemaRegistryClient;
import org.ungis.registry.client.SchemaRegistryClients;
import org.ungis.registry.client.SchemaRegistryException;
import org.ungis.registry.client.SchemaRegistryUnavailableException;

/**
 * Writes a SpecificRecord, a GenericRecord, an Avro enum or fixed, or an Avro primitive in the
 * Confluent wire format: {@code 0x00}, the schema id (big-endian int32), the Avro binary encoding.
 * {@code null} stays {@code null} (a tombstone).
 *
 * <p>The schema's id comes from the registry once per (topic, schema) and is then cached, as are
 * the DatumWriters; encoders and buffers are reused per thread. Thread-safe, as a producer's
 * serializer must be.
 *
 * <p>Properties: see {@link AvroSerdeConfig}. Spring Boot: {@code
 * spring.kafka.producer.value-serializer=org.ungis.registry.serde.KafkaAvroSerializer} with {@code
 * spring.kafka.properties.schema.registry.url=http://localhost:8081}.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

  private static final ThreadLocal<ReusableBuffer> BUFFER =
      ThreadLocal.withInitial(() -> new ReusableBuffer(512));
  private static final ThreadLocal<BinaryEncoder> ENCODER = new ThreadLocal<>();

  private SchemaRegistryClient client;
  private boolean isKey;
  private boolean autoRegister = true;
  private boolean useLatestVersion;
  private boolean latestCompatibilityStrict = true;
  private boolean normalize;
  private SubjectNameStrategy subjectNameStrategy = new TopicNameStrategy();

  private final Map<TopicSchema, Target> targets = new ConcurrentHashMap<>();
  private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** Where a record of one (topic, schema) goes: its schema id and the writer for it. */
  private record Target(int id, DatumWriter<Object> writer) {}

  private record TopicSchema(String topic, Schema schema) {}

  private record WriterKey(Schema schema, GenericData model) {}

  /** For Kafka to instantiate by class name; {@link #configure} must follow. */
  public KafkaAvroSerializer() {}

  /** With a given client (e.g. a shared one); {@link #configure} must still follow. */
  public KafkaAvroSerializer(SchemaRegistryClient client) {
    this.client = client;
  }

  /** With a given client, configured as a value serializer with {@code props}. */
  public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> props) {
    this(client);
    configure(props, false);
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    AvroSerdeConfig config = new AvroSerdeConfig(configs, isKey);
    this.isKey = isKey;
    this.autoRegister = config.autoRegisterSchemas();
    this.useLatestVersion = config.useLatestVersion();
    this.latestCompatibilityStrict = config.latestCompatibilityStrict();
    this.normalize = config.normalizeSchemas();
    this.subjectNameStrategy = config.subjectNameStrategy();
    if (client == null) {
      client = SchemaRegistryClients.forConfig(config.originals());
    }
    targets.clear();
  }

  /** The registry client this serializer uses. */
  public SchemaRegistryClient client() {
    return client;
  }

  @Override
  public byte[] serialize(String topic, Object data) {
    return serialize(topic, null, data);
  }

  @Override
  public byte[] serialize(String topic, Headers headers, Object data) {
    if (data == null) {
      return null;
    }
    if (client == null) {
      throw new IllegalStateException("KafkaAvroSerializer used before configure()");
    }
    Schema schema = AvroData.schemaOf(data);
    Target target;
    if (useLatestVersion) {
      target = latestTarget(topic, schema, data);
    } else {
      TopicSchema key = new TopicSchema(topic, schema);
      target = targets.get(key);
      if (target == null) {
        target = targets.computeIfAbsent(key, k -> registeredTarget(topic, schema, data));
      }
    }
    return write(topic, target, data);
  }

  private Target registeredTarget(String topic, Schema schema, Object data) {
    String subject = subject(topic, schema);
    int id;
    try {
      id =
          autoRegister
              ? client.register(subject, schema, normalize)
              : client.getId(subject, schema, normalize);
    } catch (SchemaRegistryException | SchemaRegistryUnavailableException e) {
      throw new SerializationException(
          (autoRegister
                  ? "Error registering Avro schema "
                  : "Error retrieving the id of Avro schema ")
              + schema.getFullName()
              + " under subject '"
              + subject
              + "' for topic '"
              + topic
              + "': "
              + e.getMessage(),
          e);
    }
    return new Target(id, writer(schema, AvroData.modelOf(data)));
  }

  private Target latestTarget(String topic, Schema schema, Object data) {
    String subject = subject(topic, schema);
    SchemaMetadata latest;
    try {
      latest = client.getLatestSchemaMetadata(subject);
    } catch (SchemaRegistryException | SchemaRegistryUnavailableException e) {
      throw new SerializationException(
          "Error retrieving the latest version of subject '"
              + subject
              + "' for topic '"
              + topic
              + "': "
              + e.getMessage(),
          e);
    }
    Schema latestSchema;
    try {
      latestSchema = client.getSchemaById(latest.id());
    } catch (SchemaRegistryException | SchemaRegistryUnavailableException e) {
      throw new SerializationException(
          "Error retrieving schema id " + latest.id() + " of subject '" + subject + "'", e);
    }
    if (latestCompatibilityStrict && !latestSchema.equals(schema)) {
      SchemaCompatibility.SchemaPairCompatibility check =
          SchemaCompatibility.checkReaderWriterCompatibility(latestSchema, schema);
      if (check.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
        throw new SerializationException(
            "The latest version ("
                + latest.version()
                + ") of subject '"
                + subject
                + "' cannot read a record of schema "
                + schema.getFullName()
                + ": "
                + check.getResult().getIncompatibilities());
      }
    }
    return new Target(latest.id(), writer(latestSchema, AvroData.modelOf(data)));
  }

  private String subject(String topic, Schema schema) {
    return subjectNameStrategy.subjectName(topic, isKey, schema);
  }

  private DatumWriter<Object> writer(Schema schema, GenericData model) {
    return writers.computeIfAbsent(
        new WriterKey(schema, model), key -> new GenericDatumWriter<>(key.schema(), key.model()));
  }

  private static byte[] write(String topic, Target target, Object data) {
    ReusableBuffer buffer = BUFFER.get();
    buffer.reset();
    buffer.write(WireFormat.MAGIC_BYTE);
    buffer.writeInt(target.id());
    try {
      if (data instanceof byte[] bytes) {
        // Like Confluent's serializer: a bytes primitive is written raw, without a length.
        buffer.write(bytes, 0, bytes.length);
      } else if (data instanceof ByteBuffer byteBuffer) {
        ByteBuffer view = byteBuffer.duplicate();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        buffer.write(bytes, 0, bytes.length);
      } else {
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(buffer, ENCODER.get());
        ENCODER.set(encoder);
        target.writer().write(data, encoder);
        encoder.flush();
      }
      return buffer.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException(
          "Error serializing Avro record of schema id "
              + target.id()
              + " for topic '"
              + topic
              + "': "
              + Objects.toString(e.getMessage(), e.getClass().getName()),
          e);
    } finally {
      if (buffer.capacity() > ReusableBuffer.MAX_RETAINED) {
        BUFFER.remove();
      }
    }
  }

  @Override
  public void close() {
    // The registry client is shared per process (or given by the caller): nothing to release.
  }
}
