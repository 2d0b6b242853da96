package org.ungis.publication.record.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.stereotype.Component;
import org.ungis.publication.PublicationSettings;
import org.ungis.reference.Roster;

/** Adds the publication topology to the streams builder that Spring Kafka starts. */
@Component
class TopologyInstaller {

  TopologyInstaller(
      StreamsBuilder builder,
      EventSerdes serdes,
      Roster roster,
      MeterRegistry meters,
      PublicationSettings settings) {
    PublicationTopology.build(
        builder,
        serdes,
        roster,
        new PublicationMetrics(meters),
        settings.publication().editionInterval());
  }
}
