package org.ungis.reference;

/**
 * The one rule by which every service reads a review decision against a contribution, so that
 * contributions-service, review-service and publication-service say the same about it.
 *
 * <ul>
 *   <li>A decision is <b>stale</b> when the revision it is about is older than the contribution's
 *       current revision. Staleness is read against the current revision, so a decision becomes
 *       stale when a later revision arrives.
 *   <li>A recorded decision <b>moves</b> the contribution's status only when it carries an outcome
 *       (it ended the review round), is about the current revision, and that revision awaits an
 *       outcome (submitted, neither decided nor withdrawn). The status it moves to is its outcome.
 * </ul>
 */
public final class ReviewRule {

  private ReviewRule() {}

  /** Whether a decision about {@code decidedRevision} is stale at {@code currentRevision}. */
  public static boolean isStale(int decidedRevision, int currentRevision) {
    return decidedRevision < currentRevision;
  }

  /**
   * Whether a recorded decision moves the contribution's status to its outcome.
   *
   * @param decidedRevision the revision the decision is about
   * @param hasOutcome whether the decision ended its round (its outcome is set)
   * @param currentRevision the contribution's current revision
   * @param awaitingOutcome whether the current revision is submitted and awaits an outcome
   */
  public static boolean movesStatus(
      int decidedRevision, boolean hasOutcome, int currentRevision, boolean awaitingOutcome) {
    return hasOutcome && decidedRevision == currentRevision && awaitingOutcome;
  }
}
