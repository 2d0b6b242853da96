package org.ungis.review.review;

import java.time.Duration;

/**
 * Outbound port: whether this instance may write a decision on a contribution. With one instance it
 * always may.
 */
public interface ItemOwnership {

  /** Waits until what the item's previous owner wrote is applied here (just after a handover). */
  void awaitHandover(String contributionId, Duration timeout);

  /** Refuses (503) when the contribution's partition is no longer served by this instance. */
  void checkServedHere(String contributionId);
}
