package org.ungis.notification.notice.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: the first wait, doubled after every failure up to a
 * ceiling, for a retry period counted from the notification's planning; after it, no more.
 *
 * @param first the wait after the first failure
 * @param ceiling the longest wait
 * @param period how long after planning attempts stop
 */
record Backoff(Duration first, Duration ceiling, Duration period) {

  /** The next attempt after {@code attempts} failures, or {@code null} when the period is over. */
  Instant next(Instant plannedAt, int attempts, Instant now) {
    Instant end = plannedAt.plus(period);
    if (!now.isBefore(end)) {
      return null;
    }
    Duration wait = first;
    for (int i = 1; i < attempts && wait.compareTo(ceiling) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    if (wait.compareTo(ceiling) > 0) {
      wait = ceiling;
    }
    Instant next = now.plus(wait);
    return next.isAfter(end) ? end : next;
  }
}
