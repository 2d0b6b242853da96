package org.ungis.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service clock ({@code ungis.clock.*}), the one contributions-service and review-service read:
 * the reminders before a deadline, the end of a digest's day and the retry schedule follow it. The
 * {@code webhook-timestamp} of a delivery does not: receivers compare it with their own clock.
 *
 * @param start if set, the clock starts at this instant when the service starts and ticks in real
 *     time from there (the local stack's {@code --demo} plays the 2023 scenario this way, in step
 *     with the other services' clocks); unset means the system clock
 */
@ConfigurationProperties("ungis.clock")
record ClockSettings(Instant start) {

  Clock clock() {
    Clock system = Clock.systemUTC();
    return start == null ? system : Clock.offset(system, Duration.between(system.instant(), start));
  }
}
