package org.ungis.review.messaging;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.ungis.review.review.ItemOwnership;

/** A contribution's partitions of the contributions and reviews topics: owner and handover. */
@Component
class StreamsItemOwnership implements ItemOwnership {

  private final ItemOwners owners;
  private final HandoverBarrier handover;

  StreamsItemOwnership(ItemOwners owners, HandoverBarrier handover) {
    this.owners = owners;
    this.handover = handover;
  }

  @Override
  public void awaitHandover(String contributionId, Duration timeout) {
    handover.awaitItem(contributionId, timeout);
  }

  @Override
  public void checkServedHere(String contributionId) {
    owners.checkServedHere(contributionId);
  }
}
