package org.ungis.streams;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
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
 *
 * <p>A store whose values are read far more often than they change (an aggregate read by every
 * request and every event about it) can keep its last decoded values ({@link #decodedCache}): a
 * value is decoded once per distinct bytes, then found again by its bytes, compared whole. The
 * cache is keyed by content, not by key or position, so nothing invalidates it (a fold, a restore,
 * a rebalance only write other bytes) and a read never returns anything but the decoding of the
 * bytes it was given. Only for immutable values: every reader gets the same instance.
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
  private final AtomicReferenceArray<Decoded<T>> decoded;

  /** Bytes (a private copy) and what they decode to. */
  private record Decoded<T>(byte[] bytes, T value) {}

  /** Reading values written by {@link JsonSerde} with its default mapper. */
  public BinaryStoreSerde(Class<T> type, Codec<T> codec) {
    this(type, codec, new JsonSerde<>(type));
  }

  /** Reading values written by {@link JsonSerde} with a service's own mapper. */
  public BinaryStoreSerde(Class<T> type, Codec<T> codec, JsonMapper jsonMapper) {
    this(type, codec, new JsonSerde<>(type, jsonMapper));
  }

  private BinaryStoreSerde(Class<T> type, Codec<T> codec, JsonSerde<T> json) {
    this(type, codec, json.deserializer(), null);
  }

  private BinaryStoreSerde(
      Class<T> type, Codec<T> codec, Deserializer<T> json, AtomicReferenceArray<Decoded<T>> cache) {
    this.type = type;
    this.codec = codec;
    this.json = json;
    this.decoded = cache;
  }

  /**
   * This serde keeping up to about {@code entries} decoded values (a power of two at least that
   * large; one slot per hash of the bytes, a newer value replacing an older one in its slot). The
   * values written through it are kept too, so a fold that reads what it wrote last decodes
   * nothing. For immutable values only.
   */
  public BinaryStoreSerde<T> decodedCache(int entries) {
    if (entries < 1) {
      throw new IllegalArgumentException("entries must be at least 1: " + entries);
    }
    int size = Integer.highestOneBit(entries);
    return new BinaryStoreSerde<>(
        type, codec, json, new AtomicReferenceArray<>(size < entries ? size << 1 : size));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      byte[] bytes = write(value);
      if (decoded != null) {
        decoded.set(slot(bytes), new Decoded<>(bytes.clone(), value));
      }
      return bytes;
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == FORMAT) {
        return decoded == null ? read(bytes) : readCached(bytes);
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

  private T readCached(byte[] bytes) {
    int slot = slot(bytes);
    Decoded<T> kept = decoded.get(slot);
    if (kept != null && Arrays.equals(kept.bytes(), bytes)) {
      return kept.value();
    }
    T value = read(bytes);
    decoded.set(slot, new Decoded<>(bytes.clone(), value));
    return value;
  }

  /**
   * The slot of some bytes: a hash of their length, their first 64 bytes (where a value's key
   * usually is) and their last 32 (where a growing history ends). Equal bytes always share a slot;
   * unequal ones sharing it are told apart by comparing them whole.
   */
  private int slot(byte[] bytes) {
    int n = bytes.length;
    int h = n;
    int head = Math.min(n, 64);
    for (int i = 0; i < head; i++) {
      h = 31 * h + bytes[i];
    }
    for (int i = Math.max(head, n - 32); i < n; i++) {
      h = 31 * h + bytes[i];
    }
    h ^= h >>> 16;
    return h & (decoded.length() - 1);
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
