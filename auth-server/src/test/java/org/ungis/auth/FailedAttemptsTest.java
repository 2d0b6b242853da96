package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FailedAttemptsTest {

  Instant now = Instant.parse("2026-12-07T00:00:00Z");
  final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };
  final FailedAttempts attempts = new FailedAttempts(Duration.ofSeconds(60), clock);
  final FailedAttempts.Key guesser = new FailedAttempts.Key("itu-intake", "203.0.113.7");

  @Test
  void theWaitDoublesAfterEachFailureBeyondTheFreeOnesUpToTheLongest() {
    for (int i = 0; i < FailedAttempts.FREE - 1; i++) {
      attempts.failed(guesser, "client authentication");
    }
    assertThat(attempts.waitFor(guesser)).isZero();

    attempts.failed(guesser, "client authentication");
    assertThat(attempts.waitFor(guesser)).isEqualTo(Duration.ofSeconds(1));
    attempts.failed(guesser, "client authentication");
    assertThat(attempts.waitFor(guesser)).isEqualTo(Duration.ofSeconds(2));
    for (int i = 0; i < 20; i++) {
      attempts.failed(guesser, "client authentication");
    }
    assertThat(attempts.waitFor(guesser)).isEqualTo(Duration.ofSeconds(60));

    now = now.plusSeconds(45);
    assertThat(attempts.waitFor(guesser)).isEqualTo(Duration.ofSeconds(15));
    now = now.plusSeconds(15);
    assertThat(attempts.waitFor(guesser)).isZero();
  }

  @Test
  void anotherAddressAndASuccessAreNotSlowedDown() {
    for (int i = 0; i < FailedAttempts.FREE + 3; i++) {
      attempts.failed(guesser, "client authentication");
    }

    assertThat(attempts.waitFor(new FailedAttempts.Key("itu-intake", "198.51.100.1"))).isZero();
    attempts.succeeded(guesser);
    assertThat(attempts.waitFor(guesser)).isZero();
  }
}
