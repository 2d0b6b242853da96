package org.ungis.review.messaging;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.ungis.review.call.CallOwnership;
import org.ungis.schemas.Topics;
import org.ungis.streams.CatchUpBarrier;
import org.ungis.streams.ViewCatchingUpException;

/** A call's partition of the processes topic: its owner and its handover. */
@Component
class StreamsCallOwnership implements CallOwnership {

  /** What a call is folded from: its partition of the processes topic. */
  static final CatchUpBarrier.View CALLS =
      CatchUpBarrier.View.of(ViewStores.CALLS, Topics.PROCESSES.name());

  private final CallOwners owners;
  private final CatchUpBarrier handover;

  StreamsCallOwnership(CallOwners owners, CatchUpBarrier handover) {
    this.owners = owners;
    this.handover = handover;
  }

  @Override
  public void awaitHandover(String processId, Duration timeout) {
    try {
      handover.awaitCaughtUp(CALLS, processId, timeout);
    } catch (ViewCatchingUpException e) {
      throw ViewUnavailableException.catchingUp(e);
    }
  }

  @Override
  public void checkServedHere(String processId) {
    owners.checkServedHere(processId);
  }
}
