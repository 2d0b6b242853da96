package org.ungis.review.messaging;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/** The serdes of a catalogue topic, configured from {@code spring.kafka.properties}. */
final class TopicSerdes {

  private TopicSerdes() {}

  static <V extends SpecificRecord> Serde<V> value(Topic<V> topic, Map<String, ?> serdeConfig) {
    return topic.valueSerde(serdeConfig);
  }

  static Serde<String> key() {
    return Topics.PROCESSES.keySerde();
  }
}
