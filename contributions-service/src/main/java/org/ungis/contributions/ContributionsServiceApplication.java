package org.ungis.contributions;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The intake API of the UNGIS Contributions Platform. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ContributionsServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(ContributionsServiceApplication.class, args);
  }
}
