package org.ungis.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * One base URL for the whole API: routes {@code /api/v1/contributions/**} to contributions-service,
 * {@code /api/v1/reviews/**} and {@code /api/v1/processes/**} to review-service and {@code
 * /api/v1/records/**} to publication-service, every request and answer as it is (the {@code
 * Authorization} header to the service, a problem answer back unchanged).
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewaySettings.class)
public class GatewayApplication {

  public static void main(String[] args) {
    SpringApplication.run(GatewayApplication.class, args);
  }
}
