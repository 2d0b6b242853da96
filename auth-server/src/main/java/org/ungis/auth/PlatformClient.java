package org.ungis.auth;

import java.util.List;
import java.util.Set;

/**
 * One client of the platform and what its tokens say.
 *
 * @param clientId the OAuth2 client id, also the token's {@code sub}
 * @param secret the development secret (clear text, stored {@code {noop}})
 * @param agency the member code ({@code agency} claim)
 * @param principal the human-readable principal ({@code principal} claim)
 * @param displayName a name for people ({@code name} claim, client name)
 * @param roles the platform roles ({@code roles} claim)
 * @param scopes the scopes the client may have; all of them when it asks for none
 */
record PlatformClient(
    String clientId,
    String secret,
    String agency,
    String principal,
    String displayName,
    List<String> roles,
    Set<String> scopes) {

  static final String AGENCY_ROLE = "AGENCY";
  static final String REVIEWER_ROLE = "REVIEWER";
  static final String INTEGRATOR_ROLE = "INTEGRATOR";

  /**
   * An integrator's system: registers webhooks at notification-service and reads its deliveries.
   */
  static final Set<String> INTEGRATOR_SCOPES = Set.of("webhooks.manage");

  /**
   * The operators' monitoring (e.g. Prometheus): reads the services' metrics and other actuator
   * endpoints on their own ports, and nothing else.
   */
  static final Set<String> OPERATIONS_SCOPES = Set.of("operations.read");

  /** An intake client submits and reads its own contributions and reads the calls. */
  static final Set<String> AGENCY_SCOPES =
      Set.of("contributions.write", "contributions.read", "processes.read");

  /** A reviewer client manages calls, decides, and reads the contributions under review. */
  static final Set<String> REVIEWER_SCOPES =
      Set.of(
          "reviews.write",
          "reviews.read",
          "processes.write",
          "processes.read",
          "contributions.read");

  PlatformClient {
    roles = List.copyOf(roles);
    scopes = Set.copyOf(scopes);
  }
}
