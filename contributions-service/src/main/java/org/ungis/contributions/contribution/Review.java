package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's decision on one revision, as kept in the contribution's history.
 *
 * @param eventId id of the review event (decisions are applied once)
 * @param reviewerAgency agency of the chair or vice-chair who decided
 * @param reviewerPrincipal the person or client who decided
 * @param reviewerRole the capacity the reviewer acted in ({@code CHAIR}, {@code VICE_CHAIR}), as
 *     the event says; may be null in views stored before it was kept
 * @param decision what the reviewer decided
 * @param comment the reviewer's comment, may be null when approving
 * @param outcome non-null when this decision ended the review round of its revision
 * @param revision the revision the decision applied to
 * @param stale true when the revision is older than the contribution's current one
 * @param decidedAt when the decision was taken
 */
public record Review(
    UUID eventId,
    String reviewerAgency,
    String reviewerPrincipal,
    String reviewerRole,
    Decision decision,
    String comment,
    Decision outcome,
    int revision,
    boolean stale,
    Instant decidedAt) {

  Review markedStale() {
    return stale
        ? this
        : new Review(
            eventId,
            reviewerAgency,
            reviewerPrincipal,
            reviewerRole,
            decision,
            comment,
            outcome,
            revision,
            true,
            decidedAt);
  }
}
