package org.ungis.contributions.contribution;

/** Where a contribution stands in the review workflow. REJECTED and WITHDRAWN are final. */
public enum ContributionStatus {
  SUBMITTED,
  CHANGES_REQUESTED,
  APPROVED,
  REJECTED,
  WITHDRAWN
}
