package org.ungis.contributions.routing;

import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.RandomIds;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;
import org.ungis.routing.PartitionOwners;
import org.ungis.schemas.Topics;

/**
 * Which instance owns a contribution: the one whose Kafka Streams client holds the active task of
 * the contribution id's partition (and so its {@value ContributionViewTopology#CONTRIBUTIONS_STORE}
 * and {@value ContributionViewTopology#IDEMPOTENCY_STORE} entries). See {@link PartitionOwners}.
 */
@Component
public class ContributionOwners extends PartitionOwners {

  ContributionOwners(StreamsBuilderFactoryBean streams) {
    super(streams, ContributionViewTopology.CONTRIBUTIONS_STORE, Topics.CONTRIBUTIONS.name());
  }

  /**
   * A new random contribution id whose partition this instance owns, so that the write's own view
   * (read-your-writes) and the per-contribution lock are here. Falls back to any random id when
   * this instance owns no partition or ownership is unknown: the write is then still correct and
   * durable, only its answer may wait {@code ungis.view-timeout} for a view that lives elsewhere.
   */
  public String newContributionId() {
    return newLocalKey(() -> RandomIds.next().toString());
  }
}
