package org.ungis.streams;

import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A decoded input value with the bytes it was read from, for a processor that may have to
 * dead-letter the record later than while processing it (see {@link HeldRecord}). A value that
 * cannot be decoded fails in the inner deserializer, so the deserialization exception handler still
 * dead-letters it as any other.
 *
 * @param value the decoded value
 * @param bytes the bytes on the topic
 */
public record Sourced<T>(T value, byte[] bytes) {

  /** The serde of {@code inner}'s values with their bytes; it writes the bytes it read. */
  public static <T> Serde<Sourced<T>> serde(Serde<T> inner) {
    Deserializer<T> decoder = inner.deserializer();
    Deserializer<Sourced<T>> deserializer =
        new Deserializer<>() {
          @Override
          public void configure(Map<String, ?> configs, boolean isKey) {
            decoder.configure(configs, isKey);
          }

          @Override
          public Sourced<T> deserialize(String topic, byte[] data) {
            return data == null ? null : new Sourced<>(decoder.deserialize(topic, data), data);
          }

          @Override
          public Sourced<T> deserialize(String topic, Headers headers, byte[] data) {
            return data == null
                ? null
                : new Sourced<>(decoder.deserialize(topic, headers, data), data);
          }

          @Override
          public void close() {
            decoder.close();
          }
        };
    Serializer<Sourced<T>> serializer =
        (topic, sourced) -> sourced == null ? null : sourced.bytes();
    return Serdes.serdeFrom(serializer, deserializer);
  }
}
