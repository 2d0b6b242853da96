package org.ungis.notification.notice.messaging;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import tools.jackson.databind.json.JsonMapper;

/** The state stores' values as JSON: private to this service, never on a shared topic. */
final class JsonSerde<T> implements Serde<T> {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Class<T> type;

  JsonSerde(Class<T> type) {
    this.type = type;
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : JSON.writeValueAsBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> bytes == null ? null : JSON.readValue(bytes, type);
  }
}
