package org.ungis.review.review;

import java.time.Instant;

/**
 * One approval counted towards the quorum of a revision.
 *
 * @param agency the reviewer's agency
 * @param principal the reviewer
 * @param at when it was decided
 */
public record Approval(String agency, String principal, Instant at) {}
