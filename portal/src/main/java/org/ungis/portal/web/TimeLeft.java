package org.ungis.portal.web;

import java.time.Duration;
import java.time.Instant;

/**
 * How long until a deadline, in the largest whole unit that is at least one ("3 days left", "5
 * hours left", "12 minutes left"), or passed. The words are in the message bundles, with plurals.
 *
 * @param key the message key: {@code time.left.days}, {@code .hours}, {@code .minutes}, {@code
 *     time.passed}
 * @param amount how many of the unit (0 when passed)
 */
public record TimeLeft(String key, long amount) {

  public static TimeLeft between(Instant now, Instant deadline) {
    Duration left = Duration.between(now, deadline);
    if (left.isNegative() || left.isZero()) {
      return new TimeLeft("time.passed", 0);
    }
    if (left.toDays() >= 1) {
      return new TimeLeft("time.left.days", left.toDays());
    }
    if (left.toHours() >= 1) {
      return new TimeLeft("time.left.hours", left.toHours());
    }
    return new TimeLeft("time.left.minutes", Math.max(1, left.toMinutes()));
  }

  /** Whether less than two days are left (the page marks it as close). */
  public boolean soon() {
    return !"time.left.days".equals(key) || amount < 2;
  }

  public boolean passed() {
    return "time.passed".equals(key);
  }
}
