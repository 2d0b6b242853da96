package org.ungis.web;

import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The service's {@link Clock} from {@code ungis.clock.start} ({@link ClockSettings}), unless the
 * application declares its own (a test's fixed clock).
 */
@AutoConfiguration
@EnableConfigurationProperties(ClockSettings.class)
public class PlatformClockAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock(ClockSettings settings) {
    return settings.clock();
  }
}
