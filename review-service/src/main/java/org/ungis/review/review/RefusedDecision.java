package org.ungis.review.review;

import java.time.Instant;
import org.ungis.review.rules.Actor;

/**
 * A decision the rules of review refused, kept for the audit trail.
 *
 * @param contributionId the contribution
 * @param processId its call for inputs
 * @param owner the agency that owns the contribution
 * @param revision the revision the attempt named
 * @param reviewer who attempted
 * @param role the role at {@code at}: {@code CHAIR}, {@code VICE_CHAIR} or {@code AGENCY}
 * @param attempted what was attempted
 * @param reason stable code, e.g. {@code RECUSAL}
 * @param message human-readable explanation
 * @param at when
 */
public record RefusedDecision(
    String contributionId,
    String processId,
    String owner,
    int revision,
    Actor reviewer,
    String role,
    Verdict attempted,
    String reason,
    String message,
    Instant at) {}
