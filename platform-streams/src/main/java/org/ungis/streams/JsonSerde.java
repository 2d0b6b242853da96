package org.ungis.streams;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON values of a service's own state stores (and their changelogs and repartition topics): a
 * private cache, rebuilt from the topics, never a shared topic (the public contract there is Avro).
 * A value that cannot be written or read is a {@link SerializationException}, as with any other
 * serde.
 */
public final class JsonSerde<T> implements Serde<T> {

  /** Unknown properties are ignored, so a store written by a newer version can still be read. */
  private static final JsonMapper DEFAULT =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final Class<T> type;
  private final JsonMapper mapper;

  public JsonSerde(Class<T> type) {
    this(type, DEFAULT);
  }

  /** With a service's own mapper (e.g. one that leaves derived {@code isX()} methods out). */
  public JsonSerde(Class<T> type, JsonMapper mapper) {
    this.type = type;
    this.mapper = mapper;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> {
      if (value == null) {
        return null;
      }
      try {
        return mapper.writeValueAsBytes(value);
      } catch (JacksonException e) {
        throw new SerializationException("cannot write " + type.getSimpleName(), e);
      }
    };
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      try {
        return mapper.readValue(bytes, type);
      } catch (JacksonException e) {
        throw new SerializationException("cannot read " + type.getSimpleName(), e);
      }
    };
  }
}
