package org.ungis.review.messaging;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.ungis.review.call.CallOwnership;

/** A call's partition of the processes topic: its owner and its handover. */
@Component
class StreamsCallOwnership implements CallOwnership {

  private final CallOwners owners;
  private final HandoverBarrier handover;

  StreamsCallOwnership(CallOwners owners, HandoverBarrier handover) {
    this.owners = owners;
    this.handover = handover;
  }

  @Override
  public void awaitHandover(String processId, Duration timeout) {
    handover.awaitCall(processId, timeout);
  }

  @Override
  public void checkServedHere(String processId) {
    owners.checkServedHere(processId);
  }
}
