package org.ungis.review.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The Idempotency-Key of a write travels with its event as Kafka headers (the same header names as
 * contributions-service), so the views of remembered requests are rebuilt from the topics.
 */
final class IdempotencyHeaders {

  static final String KEY = "ungis-idempotency-key";
  static final String FINGERPRINT = "ungis-idempotency-fingerprint";

  private IdempotencyHeaders() {}

  static void write(Headers headers, IdempotentRequest request) {
    if (request != null) {
      headers.add(KEY, request.key().getBytes(StandardCharsets.UTF_8));
      headers.add(FINGERPRINT, request.fingerprint().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Remembers the request an event carries, if any, under agency/key. */
  static void remember(
      KeyValueStore<String, RememberedRequest> store,
      Headers headers,
      String agency,
      UUID eventId,
      String subject) {
    String key = text(headers.lastHeader(KEY));
    String fingerprint = text(headers.lastHeader(FINGERPRINT));
    if (key != null && fingerprint != null) {
      store.put(
          new IdempotentRequest(agency, key, fingerprint).storeKey(),
          new RememberedRequest(fingerprint, eventId.toString(), subject));
    }
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
