package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a contribution's audit trail, in the order the view folded the events. Fields that
 * do not apply to a kind are null.
 *
 * @param kind what happened
 * @param eventId id of the event that recorded it
 * @param at when it happened
 * @param actorAgency the agency that acted
 * @param actorPrincipal who acted for it
 * @param actorRole the capacity it acted in, as the event says ({@code AGENCY}, {@code CHAIR},
 *     {@code VICE_CHAIR}, ...)
 * @param revision the revision the entry is about
 * @param note a revision's note for the reviewers
 * @param reason a withdrawal's reason, or the code why a decision was refused (e.g. {@code
 *     RECUSAL})
 * @param message the explanation of a refused decision
 * @param decision what the reviewer decided, or attempted when refused
 * @param outcome a recorded decision's outcome, when it ended the round of its revision
 * @param comment a recorded decision's comment
 */
public record HistoryEntry(
    Kind kind,
    UUID eventId,
    Instant at,
    String actorAgency,
    String actorPrincipal,
    String actorRole,
    int revision,
    String note,
    String reason,
    String message,
    Decision decision,
    Decision outcome,
    String comment) {

  /** What an entry records. */
  public enum Kind {
    SUBMITTED,
    REVISED,
    DECISION_RECORDED,
    DECISION_REFUSED,
    WITHDRAWN
  }

  /** The role of the actor of submitted, revised and withdrawn events. */
  static final String AGENCY_ROLE = "AGENCY";

  static HistoryEntry change(
      Kind kind, ContributionChange.Meta meta, int revision, String note, String reason) {
    return new HistoryEntry(
        kind,
        meta.eventId(),
        meta.occurredAt(),
        meta.actor().agency(),
        meta.actor().principal(),
        AGENCY_ROLE,
        revision,
        note,
        reason,
        null,
        null,
        null,
        null);
  }

  static HistoryEntry decision(Review review) {
    return new HistoryEntry(
        Kind.DECISION_RECORDED,
        review.eventId(),
        review.decidedAt(),
        review.reviewerAgency(),
        review.reviewerPrincipal(),
        review.reviewerRole(),
        review.revision(),
        null,
        null,
        null,
        review.decision(),
        review.outcome(),
        review.comment());
  }
}
