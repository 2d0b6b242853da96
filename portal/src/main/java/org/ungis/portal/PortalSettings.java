package org.ungis.portal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The portal's settings ({@code ungis.portal.*}).
 *
 * @param issuer the OIDC provider people sign in with (its discovery document gives the rest)
 * @param api where the platform's API answers (one base URL)
 * @param live whether the portal follows the workflow topics to push live updates
 * @param clockStart if set, the portal's clock starts at this instant and ticks in real time (as
 *     the services' {@code ungis.clock.start}: the local stack's demo plays in 2023), so that time
 *     left and the rota agree with the services
 */
@ConfigurationProperties("ungis.portal")
public record PortalSettings(
    @DefaultValue("http://localhost:9000") URI issuer,
    @DefaultValue Api api,
    @DefaultValue("true") boolean live,
    Instant clockStart) {

  /**
   * Where the platform's API answers.
   *
   * @param url the API's one base URL (the gateway, or the deployment's ingress), for every
   *     service's paths
   * @param timeout how long a call to a service may take (connecting, and answering)
   */
  public record Api(
      @DefaultValue("http://localhost:8000") URI url, @DefaultValue("10s") Duration timeout) {}

  /** The clock every page reads (deadlines, time left, the rota). */
  public Clock clock() {
    Clock system = Clock.systemUTC();
    return clockStart == null
        ? system
        : Clock.offset(system, Duration.between(system.instant(), clockStart));
  }
}
