package org.ungis.review.review;

import java.time.Instant;

/**
 * One entry of a contribution's decision history: a recorded decision or a refused attempt.
 *
 * @param eventId id of the review event
 * @param revision the revision it was about
 * @param agency the reviewer's agency
 * @param principal the reviewer
 * @param role the reviewer's role at the time ({@code CHAIR}, {@code VICE_CHAIR}, {@code AGENCY})
 * @param decision the decision taken, or attempted when refused
 * @param comment the reviewer's comment, may be {@code null}
 * @param outcome the round's outcome set by this decision, {@code null} if none
 * @param refused whether the attempt was refused by the rules of review
 * @param reason the stable refusal code when refused, else {@code null}
 * @param message the refusal message when refused, else {@code null}
 * @param at when it happened
 */
public record HistoryEntry(
    String eventId,
    int revision,
    String agency,
    String principal,
    String role,
    Verdict decision,
    String comment,
    Verdict outcome,
    boolean refused,
    String reason,
    String message,
    Instant at) {}
