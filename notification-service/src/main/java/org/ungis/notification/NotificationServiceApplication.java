package org.ungis.notification;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Tells people (e-mail) and systems (webhooks) of every change of the workflow that concerns them.
 * Its {@code Clock} is the platform's service clock ({@code ungis.clock.start}, platform-web).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NotificationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(NotificationServiceApplication.class, args);
  }
}
