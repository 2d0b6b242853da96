package org.ungis.review.messaging;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON serde of the local views' values (state stores and their changelogs). The views are this
 * service's private cache, rebuilt from the topics; the Avro contract is for the topics only.
 */
final class JsonSerde<T> implements Serde<T> {

  /** Records by their components only: derived {@code isOpen()}-style methods are not state. */
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .changeDefaultVisibility(v -> v.withIsGetterVisibility(JsonAutoDetect.Visibility.NONE))
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

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
