package org.ungis.portal;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.ungis.reference.Roster;

/** The portal: server-rendered pages for focal points, reviewers and the public. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

  public static void main(String[] args) {
    SpringApplication.run(PortalApplication.class, args);
  }

  @Bean
  Clock clock(PortalSettings settings) {
    return settings.clock();
  }

  @Bean
  Roster roster(
      @org.springframework.beans.factory.annotation.Value("${ungis.roster:}") String path) {
    return path.isBlank() ? Roster.load() : Roster.load(java.nio.file.Path.of(path));
  }
}
