package org.ungis.review.command;

/** An Idempotency-Key was sent again with a different request. */
public class IdempotencyKeyReusedException extends RuntimeException {
  public IdempotencyKeyReusedException(String key) {
    super("the Idempotency-Key " + key + " was used for a different request");
  }
}
