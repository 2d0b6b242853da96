package org.ungis.security;

import java.util.Objects;
import java.util.Set;

/**
 * Who is calling, as proven by the bearer token: the member agency the caller acts for, a
 * human-readable principal and the caller's platform roles.
 *
 * <p>Declare a controller method parameter of this type to receive it, or call {@link
 * CurrentActor#require()}. It never comes from a request body or header.
 *
 * @param agency the member code of the agency, e.g. {@code ITU} (token claim {@code agency})
 * @param principal who acts, e.g. {@code intake@itu.int} (token claim {@code principal})
 * @param roles platform roles, e.g. {@code AGENCY} or {@code REVIEWER} (token claim {@code roles})
 */
public record AuthenticatedActor(String agency, String principal, Set<String> roles) {

  /** The role of a member agency's intake client: submits, revises, withdraws its own inputs. */
  public static final String AGENCY = "AGENCY";

  /** The role of a person at a chair or vice-chair agency: opens and closes calls, decides. */
  public static final String REVIEWER = "REVIEWER";

  public AuthenticatedActor {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(principal, "principal");
    roles = Set.copyOf(roles);
  }

  /**
   * The actor of the current request (same as {@link CurrentActor#require()}, under a name that
   * does not clash with a service's own {@code CurrentActor} class).
   *
   * @throws org.springframework.security.core.AuthenticationException when the request carries no
   *     valid token, which the security filter chain answers with {@code 401}
   */
  public static AuthenticatedActor current() {
    return CurrentActor.require();
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean isAgency() {
    return hasRole(AGENCY);
  }

  public boolean isReviewer() {
    return hasRole(REVIEWER);
  }
}
