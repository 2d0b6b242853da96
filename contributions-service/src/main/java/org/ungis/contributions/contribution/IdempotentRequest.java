package org.ungis.contributions.contribution;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * A submission made with an {@code Idempotency-Key}: what a retry is matched against.
 *
 * <p>Not review-service's request record on purpose: this one names the contribution the first
 * request created and is the value of the view's keys store (JSON in its changelog), so its shape
 * stays as it is; the fingerprint is the platform's ({@code IdempotencyHeaders.fingerprint}).
 *
 * @param agency the submitting agency (keys are scoped per agency)
 * @param key the client's key
 * @param fingerprint hash of the request; a retry with another fingerprint is refused
 * @param contributionId the contribution the first request created
 */
public record IdempotentRequest(
    String agency, String key, String fingerprint, String contributionId) {

  /**
   * The id a keyed submission gets: derived from the agency and its key, so that a retry made
   * before the first attempt shows in the views (its write was still in flight, or the service was
   * restarted) names the same contribution, and the second event is folded as a repeat instead of
   * becoming a second contribution.
   */
  public static String contributionIdFor(String agency, String key) {
    return UUID.nameUUIDFromBytes(
            ("ungis-submission\n" + agency + "\n" + key).getBytes(StandardCharsets.UTF_8))
        .toString();
  }
}
