package org.ungis.contributions.contribution;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Random (version 4) UUIDs, as {@link UUID#randomUUID()} makes them, but from one generator per
 * thread: {@code randomUUID} draws from one shared {@link SecureRandom}, and with a few hundred
 * requests in flight its lock was among the longest waits of a submission (the benchmark's JFR
 * profile).
 */
public final class RandomIds {

  private static final ThreadLocal<SecureRandom> RANDOM =
      ThreadLocal.withInitial(RandomIds::create);

  private RandomIds() {}

  /** A new random UUID. */
  public static UUID next() {
    byte[] bytes = new byte[16];
    RANDOM.get().nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong());
  }

  private static SecureRandom create() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }
}
