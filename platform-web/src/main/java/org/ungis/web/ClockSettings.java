package org.ungis.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service clock ({@code ungis.clock.*}), read by every rule that depends on time (a call's
 * deadline, an agency's extension, the rota period of a decision).
 *
 * @param start if set, the clock starts at this instant when the service starts and ticks in real
 *     time from there (the local stack's {@code --demo} plays the 2023 scenario this way, every
 *     service in step); unset means the system clock
 */
@ConfigurationProperties("ungis.clock")
public record ClockSettings(Instant start) {

  /** The clock these settings describe. */
  public Clock clock() {
    Clock system = Clock.systemUTC();
    return start == null ? system : Clock.offset(system, Duration.between(system.instant(), start));
  }
}
