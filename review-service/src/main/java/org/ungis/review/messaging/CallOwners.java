package org.ungis.review.messaging;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.routing.PartitionOwners;
import org.ungis.schemas.Topics;

/**
 * Which instance owns a call for inputs: the one whose Kafka Streams client holds the active task
 * of the process id's partition of {@link Topics#PROCESSES}, and so its {@value ViewStores#CALLS}
 * and {@value ViewStores#CALL_REQUESTS} entries. Call commands run there; every instance reads any
 * call from its {@link CallReplica}.
 */
@Component
public class CallOwners extends PartitionOwners {

  CallOwners(StreamsBuilderFactoryBean streams) {
    super(streams, ViewStores.CALLS, Topics.PROCESSES.name());
  }
}
