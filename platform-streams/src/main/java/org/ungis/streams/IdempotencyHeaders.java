package org.ungis.streams;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The {@code Idempotency-Key} of a write and the fingerprint of its request travel with the event
 * they produced as Kafka headers, so that every service rebuilds its store of remembered requests
 * from the topics like every other view. The header names are the same on every topic.
 */
public final class IdempotencyHeaders {

  public static final String KEY = "ungis-idempotency-key";
  public static final String FINGERPRINT = "ungis-idempotency-fingerprint";

  /**
   * A key and the fingerprint of the request made with it, as an event carries them.
   *
   * @param key the client's {@code Idempotency-Key}
   * @param fingerprint the hash of the request; a retry with another one is refused
   */
  public record Keyed(String key, String fingerprint) {}

  private IdempotencyHeaders() {}

  public static void write(Headers headers, String key, String fingerprint) {
    headers.add(KEY, key.getBytes(StandardCharsets.UTF_8));
    headers.add(FINGERPRINT, fingerprint.getBytes(StandardCharsets.UTF_8));
  }

  /** The key and fingerprint an event carries; empty if it was written without a key. */
  public static Optional<Keyed> read(Headers headers) {
    String key = text(headers.lastHeader(KEY));
    String fingerprint = text(headers.lastHeader(FINGERPRINT));
    return key == null || fingerprint == null
        ? Optional.empty()
        : Optional.of(new Keyed(key, fingerprint));
  }

  /**
   * The fingerprint of a request: SHA-256, in hex, of a canonical description of it (what the
   * service considers the same request), so that a retry with the same key and another request is
   * told apart.
   */
  public static String fingerprint(String canonicalRequest) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Keys are scoped by the acting agency: the key of a remembered request in a store. */
  public static String storeKey(String agency, String key) {
    return agency + "/" + key;
  }

  private static String text(Header header) {
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
