package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.UUID;

/**
 * A decision review-service refused on the rules of review (audit only: it changes nothing).
 *
 * @param eventId id of the review event
 * @param reviewerAgency agency of the reviewer who tried
 * @param reviewerPrincipal the reviewer
 * @param reviewerRole the capacity the reviewer acted in, as the event says
 * @param attempted the decision that was refused
 * @param reason stable code, e.g. {@code RECUSAL}, {@code NOT_ON_ROTA}, {@code STALE_REVISION}
 * @param message the explanation
 * @param revision the revision the attempt was about
 * @param at when it was refused
 */
public record RefusedDecision(
    UUID eventId,
    String reviewerAgency,
    String reviewerPrincipal,
    String reviewerRole,
    Decision attempted,
    String reason,
    String message,
    int revision,
    Instant at) {

  HistoryEntry toHistory() {
    return new HistoryEntry(
        HistoryEntry.Kind.DECISION_REFUSED,
        eventId,
        at,
        reviewerAgency,
        reviewerPrincipal,
        reviewerRole,
        revision,
        null,
        reason,
        message,
        attempted,
        null,
        null);
  }
}
