package org.ungis.contributions.contribution.messaging;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;

/** Access to this instance's queryable stores; a store that is not ready is a 503, not a 500. */
final class LocalStores {

  private LocalStores() {}

  static <V> ReadOnlyKeyValueStore<String, V> keyValueStore(
      StreamsBuilderFactoryBean streams, String name) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null) {
      throw new RefusedException(Refusal.UNAVAILABLE, "The views are not started yet");
    }
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(
              name, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw unavailable(e);
    }
  }

  static RefusedException unavailable(InvalidStateStoreException e) {
    return new RefusedException(
        Refusal.UNAVAILABLE,
        "The views are not ready (" + e.getClass().getSimpleName() + "); retry");
  }
}
