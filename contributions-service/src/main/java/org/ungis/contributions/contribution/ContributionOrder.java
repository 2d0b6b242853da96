package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.Comparator;

/** The orders a list of contributions can be read in; every one ends with the id, ascending. */
public enum ContributionOrder {

  /** Oldest submission first (the default). */
  SUBMITTED(
      Comparator.comparing(Contribution.State::submittedAt).thenComparing(Contribution.State::id)),

  /** The latest change first (submission, revision, decision or withdrawal). */
  RECENTLY_UPDATED(
      Comparator.comparing(ContributionOrder::updatedAt, Comparator.reverseOrder())
          .thenComparing(Contribution.State::id));

  private final Comparator<Contribution.State> comparator;

  ContributionOrder(Comparator<Contribution.State> comparator) {
    this.comparator = comparator;
  }

  /** The order of stored contributions. */
  public Comparator<Contribution.State> comparator() {
    return comparator;
  }

  /** When a contribution last changed: its submission when nothing changed it since. */
  public static Instant updatedAt(Contribution.State state) {
    return state.updatedAt() == null ? state.submittedAt() : state.updatedAt();
  }
}
