package org.ungis.review.messaging;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.ungis.review.review.ItemOwnership;
import org.ungis.schemas.Topics;
import org.ungis.streams.CatchUpBarrier;
import org.ungis.streams.ViewCatchingUpException;

/** A contribution's partitions of the contributions and reviews topics: owner and handover. */
@Component
class StreamsItemOwnership implements ItemOwnership {

  /** What a review item is folded from: its partition of both topics (co-partitioned). */
  static final CatchUpBarrier.View ITEMS =
      CatchUpBarrier.View.of(
          ViewStores.REVIEW_ITEMS, Topics.CONTRIBUTIONS.name(), Topics.REVIEWS.name());

  private final ItemOwners owners;
  private final CatchUpBarrier handover;

  StreamsItemOwnership(ItemOwners owners, CatchUpBarrier handover) {
    this.owners = owners;
    this.handover = handover;
  }

  @Override
  public void awaitHandover(String contributionId, Duration timeout) {
    try {
      handover.awaitCaughtUp(ITEMS, contributionId, timeout);
    } catch (ViewCatchingUpException e) {
      throw ViewUnavailableException.catchingUp(e);
    }
  }

  @Override
  public void checkServedHere(String contributionId) {
    owners.checkServedHere(contributionId);
  }
}
