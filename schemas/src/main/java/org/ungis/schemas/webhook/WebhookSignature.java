package org.ungis.schemas.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook delivery as the Standard Webhooks specification says
 * (https://www.standardwebhooks.com): the headers {@code webhook-id} (the same on every retry of
 * one message, so a receiver de-duplicates by it), {@code webhook-timestamp} (Unix seconds) and
 * {@code webhook-signature} = {@code v1,<base64 HMAC-SHA256 over "id.timestamp.body">}, keyed with
 * the base64 bytes of a {@code whsec_} secret. A receiver verifies with the same computation (or
 * any Standard Webhooks library) and rejects stale timestamps.
 *
 * <p>Part of the contract with downstream systems, like the Avro schemas: notification-service
 * signs with it, and the platform's own receivers (the local stack's inbox, the end-to-end tests'
 * receiver) verify with it, so that there is one implementation of the computation.
 */
public final class WebhookSignature {

  /** The prefix of every signing secret. */
  public static final String SECRET_PREFIX = "whsec_";

  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] key;

  /**
   * @param secret a {@code whsec_} secret: the prefix, then the base64 of 24 to 64 random bytes
   */
  public WebhookSignature(String secret) {
    if (secret == null || !secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a signing secret starts with " + SECRET_PREFIX);
    }
    this.key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    if (key.length < 24 || key.length > 64) {
      throw new IllegalArgumentException("a signing secret holds 24 to 64 bytes");
    }
  }

  /** A new random secret of 32 bytes. */
  public static String newSecret() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  /** The value of {@code webhook-signature} for a message. */
  public String sign(String id, Instant timestamp, String body) {
    return sign(id, String.valueOf(timestamp.getEpochSecond()), body);
  }

  private String sign(String id, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /**
   * Whether a {@code webhook-signature} header (one or more space-separated {@code v1,...}
   * signatures) holds the signature of a message, compared in constant time.
   */
  public boolean verify(String id, Instant timestamp, String body, String header) {
    return verify(id, String.valueOf(timestamp.getEpochSecond()), body, header);
  }

  /**
   * The same, with the {@code webhook-timestamp} header as a receiver got it: the signature covers
   * its text as sent.
   */
  public boolean verify(String id, String timestamp, String body, String header) {
    byte[] expected = sign(id, timestamp, body).getBytes(StandardCharsets.US_ASCII);
    for (String candidate : header.split(" ")) {
      if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
        return true;
      }
    }
    return false;
  }
}
