package org.ungis.review.call;

import java.time.Duration;

/**
 * Outbound port: whether this instance may write a call's next snapshot. With one instance it
 * always may.
 */
public interface CallOwnership {

  /** Waits until what the call's previous owner wrote is applied here (just after a handover). */
  void awaitHandover(String processId, Duration timeout);

  /** Refuses (503) when the call's partition is no longer served by this instance. */
  void checkServedHere(String processId);
}
