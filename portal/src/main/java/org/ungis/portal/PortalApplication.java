package org.ungis.portal;

import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.ungis.reference.People;
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

  /** The roster ({@code ungis.roster}, else the bundled one): who chairs when. */
  @Bean
  Roster roster(@Value("${ungis.roster:}") String path) {
    return path.isBlank() ? Roster.load() : Roster.load(Path.of(path));
  }

  /**
   * The directory of people ({@code ungis.people}, else the bundled one), to show a person's name
   * where an event names their e-mail.
   */
  @Bean
  People people(Roster roster, @Value("${ungis.people:}") String path) {
    return path.isBlank() ? People.load(roster) : People.load(Path.of(path), roster);
  }
}
