package org.ungis.contributions.contribution;

/**
 * A submission made with an {@code Idempotency-Key}: what a retry is matched against.
 *
 * @param agency the submitting agency (keys are scoped per agency)
 * @param key the client's key
 * @param fingerprint hash of the request; a retry with another fingerprint is refused
 * @param contributionId the contribution the first request created
 */
public record IdempotentRequest(
    String agency, String key, String fingerprint, String contributionId) {}
