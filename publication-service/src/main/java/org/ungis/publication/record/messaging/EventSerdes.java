package org.ungis.publication.record.messaging;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.ReviewEvent;
import org.ungis.schemas.Topics;

/**
 * The serdes of the topics the service reads and writes, from the catalogue.
 *
 * @param keys every topic's key serde
 * @param contributions values of {@link Topics#CONTRIBUTIONS}
 * @param reviews values of {@link Topics#REVIEWS}
 * @param processes values of {@link Topics#PROCESSES}
 * @param records values of {@link Topics#RECORDS}
 */
public record EventSerdes(
    Serde<String> keys,
    Serde<ContributionEvent> contributions,
    Serde<ReviewEvent> reviews,
    Serde<CallForInputsEvent> processes,
    Serde<RecordEvent> records) {

  /**
   * Serdes configured with the registry settings ({@code schema.registry.url} and the like).
   *
   * @param serdeConfig the {@code spring.kafka.properties} of the service
   */
  public static EventSerdes from(Map<String, ?> serdeConfig) {
    return new EventSerdes(
        Topics.RECORDS.keySerde(),
        Topics.CONTRIBUTIONS.valueSerde(serdeConfig),
        Topics.REVIEWS.valueSerde(serdeConfig),
        Topics.PROCESSES.valueSerde(serdeConfig),
        Topics.RECORDS.valueSerde(serdeConfig));
  }
}
