package org.ungis.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class PlatformClockAutoConfigurationTest {

  final ApplicationContextRunner context =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PlatformClockAutoConfiguration.class));

  @Test
  void theServiceClockStartsWhereTheSettingSays() {
    context
        .withPropertyValues("ungis.clock.start=2023-01-09T09:00:00Z")
        .run(
            app ->
                assertThat(
                        Duration.between(
                            Instant.parse("2023-01-09T09:00:00Z"),
                            app.getBean(Clock.class).instant()))
                    .isBetween(Duration.ZERO, Duration.ofSeconds(5)));
  }

  @Test
  void anApplicationsOwnClockWins() {
    context
        .withUserConfiguration(FixedClock.class)
        .withPropertyValues("ungis.clock.start=2023-01-09T09:00:00Z")
        .run(app -> assertThat(app.getBean(Clock.class)).isSameAs(FixedClock.CLOCK));
  }

  @Configuration(proxyBeanMethods = false)
  static class FixedClock {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-01T09:00:00Z"), ZoneOffset.UTC);

    @Bean
    Clock fixedClock() {
      return CLOCK;
    }
  }
}
