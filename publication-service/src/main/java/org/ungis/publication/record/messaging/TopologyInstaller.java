package org.ungis.publication.record.messaging;

import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.stereotype.Component;
import org.ungis.reference.Roster;

/** Adds the publication topology to the streams builder that Spring Kafka starts. */
@Component
class TopologyInstaller {

  TopologyInstaller(StreamsBuilder builder, EventSerdes serdes, Roster roster) {
    PublicationTopology.build(builder, serdes, roster);
  }
}
