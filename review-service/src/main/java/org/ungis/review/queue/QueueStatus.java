package org.ungis.review.queue;

/** Which part of the review queue to list. */
public enum QueueStatus {
  /** The current revision awaits an outcome. */
  PENDING,
  /** The current revision has an outcome (approved, rejected or changes requested). */
  DECIDED
}
