package org.ungis.publication;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The publication service: builds and serves the consolidated records of the calls for inputs. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PublicationServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(PublicationServiceApplication.class, args);
  }
}
