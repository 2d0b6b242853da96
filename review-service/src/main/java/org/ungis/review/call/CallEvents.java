package org.ungis.review.call;

import java.time.Instant;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.command.IdempotentRequest;
import org.ungis.review.command.Written;
import org.ungis.review.rules.Actor;

/** Outbound port: publishes a call's new snapshot, the record of what happened to it. */
public interface CallEvents {

  /**
   * Writes a call's new snapshot; returns once it is durable.
   *
   * @param request the Idempotency-Key request, or {@code null}
   */
  Written call(
      CallForInputs call,
      CallEvent what,
      Actor actor,
      ReviewerRole role,
      Instant at,
      IdempotentRequest request);
}
