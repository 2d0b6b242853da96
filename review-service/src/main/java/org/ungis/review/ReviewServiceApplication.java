package org.ungis.review;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.ungis.reference.Roster;
import org.ungis.review.rules.Rota;

/** The review service: calls for inputs and the chair's review of contributions. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ReviewServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ReviewServiceApplication.class, args);
  }

  @Bean
  Roster roster(RosterSettings settings) {
    return settings.roster() == null ? Roster.load() : Roster.load(settings.roster());
  }

  @Bean
  Rota rota(Roster roster) {
    return new Rota(roster);
  }
}
