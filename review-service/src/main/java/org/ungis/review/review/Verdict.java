package org.ungis.review.review;

/** What a reviewer decides about one revision, and the outcome of a review round. */
public enum Verdict {
  APPROVED,
  REJECTED,
  CHANGES_REQUESTED
}
