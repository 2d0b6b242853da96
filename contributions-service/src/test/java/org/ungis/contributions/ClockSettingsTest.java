package org.ungis.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class ClockSettingsTest {

  @Test
  void withoutAStartTheServiceRunsOnTheSystemClock() {
    assertThat(new ClockSettings(null).clock().instant())
        .isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
  }

  @Test
  void aStartInstantShiftsTheClockThereAndItKeepsTicking() {
    Instant start = Instant.parse("2023-01-09T09:00:00Z");
    var clock = new ClockSettings(start).clock();
    Instant first = clock.instant();
    assertThat(Duration.between(start, first)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(clock.instant()).isAfterOrEqualTo(first);
  }
}
