package org.ungis.notification;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** Tells people (e-mail) of every change of the workflow that concerns them. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

  /** The service clock ({@code ungis.clock.start}), as the other services read it. */
  @Bean
  Clock clock(ClockSettings settings) {
    return settings.clock();
  }

  public static void main(String[] args) {
    SpringApplication.run(NotificationServiceApplication.class, args);
  }
}
