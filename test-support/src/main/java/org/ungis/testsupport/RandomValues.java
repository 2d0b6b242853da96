package org.ungis.testsupport;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Seeded random values for round-trip property tests: text in the scripts the platform's users
 * write (Latin with accents, Arabic, Chinese, Cyrillic) and outside the Basic Multilingual Plane
 * (emoji), control characters, instants with and without nanoseconds, and nulls. The same seed
 * gives the same values, so a failure names the seed that reproduces it.
 */
public final class RandomValues {

  /** Code point ranges the text is drawn from, one picked per character. */
  private static final int[][] SCRIPTS = {
    {0x20, 0x7E}, // ASCII
    {0xA0, 0xFF}, // Latin-1: é, ç, «»
    {0x0400, 0x04FF}, // Cyrillic
    {0x0621, 0x064A}, // Arabic letters
    {0x4E00, 0x9FFF}, // CJK unified ideographs
    {0x1F300, 0x1F5FF}, // emoji: two UTF-16 units each
    {0x00, 0x1F}, // control characters, tab and newline among them
  };

  private final Random random;

  public RandomValues(long seed) {
    this.random = new Random(seed);
  }

  /** Text of 0 to 40 characters, mostly in one script, sometimes mixing several. */
  public String text() {
    return text(40);
  }

  /** Text of 0 to {@code maxLength} code points. */
  public String text(int maxLength) {
    int length = random.nextInt(maxLength + 1);
    int[] script = SCRIPTS[random.nextInt(SCRIPTS.length)];
    boolean mixed = random.nextInt(4) == 0;
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int[] range = mixed ? SCRIPTS[random.nextInt(SCRIPTS.length)] : script;
      text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
    }
    return text.toString();
  }

  /** {@code value}'s next value, or null one time in four. */
  public <T> T orNull(Supplier<T> value) {
    return random.nextInt(4) == 0 ? null : value.get();
  }

  /** Between 1990 and 2100; whole seconds, milliseconds or nanoseconds. */
  public Instant instant() {
    long seconds =
        Instant.parse("1990-01-01T00:00:00Z").getEpochSecond() + random.nextInt(1 << 30) * 3L;
    return switch (random.nextInt(3)) {
      case 0 -> Instant.ofEpochSecond(seconds);
      case 1 -> Instant.ofEpochSecond(seconds, random.nextInt(1000) * 1_000_000L);
      default -> Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
    };
  }

  /** A whole number, negative ones and the extremes included. */
  public int integer() {
    return switch (random.nextInt(5)) {
      case 0 -> Integer.MIN_VALUE;
      case 1 -> Integer.MAX_VALUE;
      case 2 -> random.nextInt();
      default -> random.nextInt(100);
    };
  }

  /** From {@code from} to {@code to}, both included. */
  public int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  public boolean bool() {
    return random.nextBoolean();
  }

  public UUID uuid() {
    return new UUID(random.nextLong(), random.nextLong());
  }

  public <E extends Enum<E>> E pick(Class<E> type) {
    E[] constants = type.getEnumConstants();
    return constants[random.nextInt(constants.length)];
  }

  /** 0 to {@code maxSize} elements. */
  public <T> List<T> list(int maxSize, Supplier<T> element) {
    int size = random.nextInt(maxSize + 1);
    List<T> values = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      values.add(element.get());
    }
    return values;
  }
}
