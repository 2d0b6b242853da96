package org.ungis.review.messaging;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.ungis.registry.serde.SpecificAvroSerde;
import org.ungis.schemas.Topic;

/** The serdes of a catalogue topic, configured from {@code spring.kafka.properties}. */
final class TopicSerdes {

  private TopicSerdes() {}

  static <V extends SpecificRecord> Serde<V> value(Topic<V> topic, Map<String, ?> serdeConfig) {
    Serde<V> serde = new SpecificAvroSerde<>();
    serde.configure(serdeConfig, false);
    return serde;
  }

  static Serde<String> key() {
    return Serdes.String();
  }
}
