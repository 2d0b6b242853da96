package org.ungis.contributions.contribution;

/** A reviewer's decision on one revision of a contribution. */
public enum Decision {
  APPROVED,
  REJECTED,
  CHANGES_REQUESTED
}
