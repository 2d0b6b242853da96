package org.ungis.review.messaging;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde of the local views' values (state stores and their changelogs). The views are this
 * service's private cache, rebuilt from the topics; the Avro contract is for the topics only.
 */
final class JsonSerde<T> implements Serde<T> {

  private static final JsonMapper MAPPER = ViewJson.MAPPER;

  private final Class<T> type;

  JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, data) -> data == null ? null : MAPPER.writeValueAsBytes(data);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : MAPPER.readValue(bytes, type);
  }
}
