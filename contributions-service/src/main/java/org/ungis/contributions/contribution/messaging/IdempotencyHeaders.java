package org.ungis.contributions.contribution.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.ungis.contributions.contribution.IdempotentRequest;

/**
 * The {@code Idempotency-Key} of a submission travels with its event as Kafka headers, so the
 * idempotency store is rebuilt from the topic like every other view.
 */
final class IdempotencyHeaders {

  static final String KEY = "ungis-idempotency-key";
  static final String FINGERPRINT = "ungis-idempotency-fingerprint";

  private IdempotencyHeaders() {}

  static void write(Headers headers, IdempotentRequest request) {
    headers.add(KEY, request.key().getBytes(StandardCharsets.UTF_8));
    headers.add(FINGERPRINT, request.fingerprint().getBytes(StandardCharsets.UTF_8));
  }

  /** The request recorded on a submitted event, or null if it carried no key. */
  static IdempotentRequest read(Headers headers, String agency, String contributionId) {
    String key = text(headers.lastHeader(KEY));
    String fingerprint = text(headers.lastHeader(FINGERPRINT));
    if (key == null || fingerprint == null) {
      return null;
    }
    return new IdempotentRequest(agency, key, fingerprint, contributionId);
  }

  static String storeKey(String agency, String key) {
    return agency + "/" + key;
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
