package org.ungis.review.command;

import java.util.Objects;
import org.ungis.streams.IdempotencyHeaders;

/**
 * A write that carries an {@code Idempotency-Key}: retried with the same key and the same request,
 * it returns the original result and writes nothing; the same key with another request is refused
 * (422). Keys are scoped by agency and travel with the event as Kafka headers, so they survive a
 * restart like every other view.
 *
 * @param agency the acting agency
 * @param key the client's key
 * @param fingerprint SHA-256 of the request (method, path and body)
 */
public record IdempotentRequest(String agency, String key, String fingerprint) {

  public static final int MAX_KEY_LENGTH = 200;

  public IdempotentRequest {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(fingerprint, "fingerprint");
  }

  /** The request of a key, fingerprinted from a description of the request. */
  public static IdempotentRequest of(String agency, String key, String request) {
    return new IdempotentRequest(agency, key, IdempotencyHeaders.fingerprint(request));
  }

  /** The key under which the request is remembered. */
  public String storeKey() {
    return IdempotencyHeaders.storeKey(agency, key);
  }
}
