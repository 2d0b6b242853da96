package org.ungis.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockSettingsTest {

  @Test
  void withoutAStartTheClockIsTheSystemClock() {
    Instant before = Instant.now();
    Instant now = new ClockSettings(null).clock().instant();
    assertThat(now).isBetween(before, Instant.now());
  }

  @Test
  void withAStartTheClockStartsThereAndTicks() {
    Instant start = Instant.parse("2023-01-09T09:00:00Z");
    Clock clock = new ClockSettings(start).clock();
    Instant first = clock.instant();
    assertThat(Duration.between(start, first)).isBetween(Duration.ZERO, Duration.ofSeconds(5));
    assertThat(clock.instant()).isAfterOrEqualTo(first);
  }
}
