package org.ungis.notification.webhook;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps webhook signing secrets encrypted where they are stored ({@code ungis.webhooks.v1}):
 * AES-GCM with a 256-bit key from configuration, a fresh 96-bit nonce per secret, and the
 * subscription id as associated data (a sealed secret copied to another subscription does not
 * open). A sealed secret reads {@code aesgcm:v1:<base64 of nonce and ciphertext>}; a value without
 * that prefix is a secret stored in clear, as registrations made before encryption are, and is used
 * as it is.
 */
public final class SecretCipher {

  static final String PREFIX = "aesgcm:v1:";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  private SecretCipher() {
    this.key = null;
  }

  /** Stores new secrets in clear (no key configured); still opens none sealed. */
  public static SecretCipher clear() {
    return new SecretCipher();
  }

  /**
   * @param base64Key 32 bytes, base64-encoded
   */
  public SecretCipher(String base64Key) {
    byte[] bytes = Base64.getDecoder().decode(base64Key.strip());
    if (bytes.length != 32) {
      throw new IllegalArgumentException(
          "the webhook secret key must be 32 bytes (base64), not " + bytes.length);
    }
    this.key = new SecretKeySpec(bytes, "AES");
  }

  /** The secret encrypted for one subscription. */
  public String seal(String subscriptionId, String secret) {
    if (key == null) {
      return secret;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed =
        run(Cipher.ENCRYPT_MODE, nonce, subscriptionId, secret.getBytes(StandardCharsets.UTF_8));
    return PREFIX
        + Base64.getEncoder()
            .encodeToString(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
  }

  /** The secret as stored, decrypted if it was sealed. */
  public String open(String subscriptionId, String stored) {
    if (stored == null || !stored.startsWith(PREFIX)) {
      return stored;
    }
    byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(all, NONCE_BYTES, all.length);
    return new String(
        run(Cipher.DECRYPT_MODE, nonce, subscriptionId, sealed), StandardCharsets.UTF_8);
  }

  private byte[] run(int mode, byte[] nonce, String subscriptionId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "cannot "
              + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
              + " the secret of "
              + subscriptionId
              + " (is ungis.notifications.webhook-secret-key the key it was sealed with?)",
          e);
    }
  }
}
