package org.ungis.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service clock ({@code ungis.clock.*}). Every rule that depends on time (the rota period of a
 * decision, a call's deadline) reads this clock.
 *
 * @param start if set, the clock starts at this instant when the service starts and ticks in real
 *     time from there (the local stack's {@code --demo} plays the 2023 scenario this way); unset
 *     means the system clock
 */
@ConfigurationProperties("ungis.clock")
public record ClockSettings(Instant start) {

  Clock clock() {
    Clock system = Clock.systemUTC();
    return start == null ? system : Clock.offset(system, Duration.between(system.instant(), start));
  }
}
