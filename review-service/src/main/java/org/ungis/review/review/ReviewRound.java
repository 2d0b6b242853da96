package org.ungis.review.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The review of one revision: the approvals counted so far and, once the round has ended, its
 * outcome. A new revision starts a new round, so earlier approvals never count for it.
 *
 * @param revision the revision under review
 * @param approvals approvals so far, one per agency, in the order they were decided
 * @param outcome how the round ended; {@code null} while it is open
 * @param decidedAt when the round ended; {@code null} while it is open
 */
public record ReviewRound(
    int revision, List<Approval> approvals, Verdict outcome, Instant decidedAt) {

  public ReviewRound {
    approvals = List.copyOf(approvals == null ? List.of() : approvals);
  }

  static ReviewRound of(int revision) {
    return new ReviewRound(revision, List.of(), null, null);
  }

  public boolean isOpen() {
    return outcome == null;
  }

  public boolean approvedBy(String agency) {
    return approvals.stream().anyMatch(a -> a.agency().equals(agency));
  }

  /**
   * The outcome a new decision would give the round.
   *
   * @return the outcome, or {@code null} if the round stays open (more approvals needed)
   */
  Verdict outcomeOf(Verdict decision, int requiredApprovals) {
    if (decision != Verdict.APPROVED) {
      return decision;
    }
    return approvals.size() + 1 >= requiredApprovals ? Verdict.APPROVED : null;
  }

  /** The round after a recorded decision with its outcome. */
  ReviewRound with(
      Verdict decision, Verdict roundOutcome, String agency, String principal, Instant at) {
    List<Approval> next = new ArrayList<>(approvals);
    if (decision == Verdict.APPROVED && !approvedBy(agency)) {
      next.add(new Approval(agency, principal, at));
    }
    return new ReviewRound(revision, next, roundOutcome, roundOutcome == null ? null : at);
  }
}
