package org.ungis.review.web;

import org.springframework.http.ResponseEntity;
import org.ungis.review.command.IdempotentRequest;
import org.ungis.review.rules.Actor;

/** Reads the {@code Idempotency-Key} header of a POST into an {@link IdempotentRequest}. */
public final class Idempotency {

  public static final String HEADER = "Idempotency-Key";
  public static final String REPLAYED = "Idempotent-Replayed";

  private Idempotency() {}

  /**
   * The request a key stands for, or {@code null} without a key.
   *
   * @param body the parsed body (a record: its {@code toString} is a stable description)
   */
  public static IdempotentRequest of(
      Actor actor, String key, String method, String path, Object body) {
    if (key == null) {
      return null;
    }
    if (key.isBlank() || key.length() > IdempotentRequest.MAX_KEY_LENGTH) {
      throw new BadRequestException(
          HEADER, "must be 1 to " + IdempotentRequest.MAX_KEY_LENGTH + " characters");
    }
    return IdempotentRequest.of(actor.agency(), key.strip(), method + " " + path + "\n" + body);
  }

  /** Marks a response that replays the result of an earlier request with the same key. */
  public static ResponseEntity.BodyBuilder replayed(
      ResponseEntity.BodyBuilder response, boolean replayed) {
    return replayed ? response.header(REPLAYED, "true") : response;
  }
}
