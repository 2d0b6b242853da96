package org.ungis.review.messaging;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.routing.PartitionOwners;
import org.ungis.schemas.Topics;

/**
 * Which instance owns a contribution's review item: the one whose Kafka Streams client holds the
 * active task of the contribution id's partition of {@link Topics#CONTRIBUTIONS} and {@link
 * Topics#REVIEWS} (co-partitioned), and so its {@value ViewStores#REVIEW_ITEMS} and {@value
 * ViewStores#DECISION_REQUESTS} entries.
 */
@Component
public class ItemOwners extends PartitionOwners {

  ItemOwners(StreamsBuilderFactoryBean streams) {
    super(streams, ViewStores.REVIEW_ITEMS, Topics.CONTRIBUTIONS.name());
  }
}
