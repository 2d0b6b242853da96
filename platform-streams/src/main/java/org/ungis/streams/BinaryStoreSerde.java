package org.ungis.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Compact binary values of a service's own state stores (and their changelogs): a private cache,
 * rebuilt from the topics, never a shared topic. Far cheaper to write and read than {@link
 * JsonSerde}, which matters where every folded event reads and writes a whole aggregate.
 *
 * <p>A value is one format byte ({@link #FORMAT}), then the fields the {@link Codec} writes, in its
 * order, in Avro's binary encoding (zig-zag varints, length-prefixed UTF-8), without a schema or a
 * registry. The format byte is a control character, which JSON text never starts with (nor do its
 * other values below a tab, kept for later formats): a value written by {@link JsonSerde} (an
 * earlier version's store, or its changelog) is read by the JSON reader, so an upgraded instance
 * restores its stores from an old changelog as they are. Fields are positional: a codec that
 * changes its fields needs a new format byte, and keeps reading the old.
 */
public final class BinaryStoreSerde<T> implements Serde<T> {

  /** Byte 0 of every value this serde writes. */
  public static final byte FORMAT = 0x01;

  /** The fields of one type, written and read in the same order. */
  public interface Codec<T> {
    void write(T value, StoreWriter out) throws IOException;

    T read(StoreReader in) throws IOException;
  }

  private final Class<T> type;
  private final Codec<T> codec;
  private final Deserializer<T> json;

  /** Reading values written by {@link JsonSerde} with its default mapper. */
  public BinaryStoreSerde(Class<T> type, Codec<T> codec) {
    this(type, codec, new JsonSerde<>(type));
  }

  /** Reading values written by {@link JsonSerde} with a service's own mapper. */
  public BinaryStoreSerde(Class<T> type, Codec<T> codec, JsonMapper jsonMapper) {
    this(type, codec, new JsonSerde<>(type, jsonMapper));
  }

  private BinaryStoreSerde(Class<T> type, Codec<T> codec, JsonSerde<T> json) {
    this.type = type;
    this.codec = codec;
    this.json = json.deserializer();
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : write(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == FORMAT) {
        return read(bytes);
      }
      if (bytes.length > 0 && bytes[0] >= 0 && bytes[0] < '\t') {
        throw new SerializationException(
            "cannot read " + type.getSimpleName() + ": unknown store format " + bytes[0]);
      }
      return json.deserialize(topic, bytes);
    };
  }

  private byte[] write(T value) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    bytes.write(FORMAT);
    BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(bytes, null);
    try {
      codec.write(value, new StoreWriter(encoder));
      encoder.flush();
    } catch (IOException | RuntimeException e) {
      throw new SerializationException("cannot write " + type.getSimpleName(), e);
    }
    return bytes.toByteArray();
  }

  private T read(byte[] bytes) {
    BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 1, bytes.length - 1, null);
    try {
      T value = codec.read(new StoreReader(decoder));
      if (!decoder.isEnd()) {
        throw new SerializationException(
            "cannot read " + type.getSimpleName() + ": bytes left after its last field");
      }
      return value;
    } catch (IOException | AvroRuntimeException | IllegalArgumentException e) {
      throw new SerializationException("cannot read " + type.getSimpleName(), e);
    }
  }
}
