package org.ungis.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current request, taken from the verified bearer token. Use it where a controller
 * method parameter of type {@link AuthenticatedActor} is not convenient, e.g. inside a service's
 * own {@code HandlerMethodArgumentResolver}.
 */
public final class CurrentActor {

  private CurrentActor() {}

  /** The actor of the current request; empty on a public path called without a token. */
  public static Optional<AuthenticatedActor> get() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof ActorAuthenticationToken token && token.isAuthenticated()) {
      return Optional.of(token.actor());
    }
    return Optional.empty();
  }

  /**
   * The actor of the current request.
   *
   * @throws AuthenticationCredentialsNotFoundException when the request carries no valid token,
   *     which the security filter chain answers with {@code 401}
   */
  public static AuthenticatedActor require() {
    return get()
        .orElseThrow(
            () -> new AuthenticationCredentialsNotFoundException("A bearer token is required"));
  }
}
