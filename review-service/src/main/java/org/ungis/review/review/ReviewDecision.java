package org.ungis.review.review;

import java.time.Instant;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.rules.Actor;

/**
 * A decision the rules allowed, ready to be recorded.
 *
 * @param contributionId the contribution
 * @param processId its call for inputs
 * @param owner the agency that owns the contribution
 * @param revision the revision decided
 * @param reviewer who decided
 * @param role the reviewer's role at {@code at}
 * @param decision what was decided
 * @param comment the comment, {@code null} allowed for an approval
 * @param outcome the round's outcome if this decision ends it, else {@code null}
 * @param at when
 */
public record ReviewDecision(
    String contributionId,
    String processId,
    String owner,
    int revision,
    Actor reviewer,
    ReviewerRole role,
    Verdict decision,
    String comment,
    Verdict outcome,
    Instant at) {}
