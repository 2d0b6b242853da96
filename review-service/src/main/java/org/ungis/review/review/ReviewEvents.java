package org.ungis.review.review;

import org.ungis.review.command.IdempotentRequest;
import org.ungis.review.command.Written;

/** Outbound port: publishes decisions and refused decisions. */
public interface ReviewEvents {

  /**
   * Writes a recorded decision; returns once it is durable.
   *
   * @param request the Idempotency-Key request, or {@code null}
   */
  Written decision(ReviewDecision decision, IdempotentRequest request);

  /** Writes a refused decision, for the audit trail. */
  Written refusal(RefusedDecision refusal);
}
