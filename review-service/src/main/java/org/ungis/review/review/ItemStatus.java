package org.ungis.review.review;

/** The status of a contribution as the review service sees it. */
public enum ItemStatus {
  SUBMITTED,
  CHANGES_REQUESTED,
  APPROVED,
  REJECTED,
  WITHDRAWN;

  /** Whether nothing more can happen to the contribution. */
  public boolean isFinal() {
    return this == REJECTED || this == WITHDRAWN;
  }
}
