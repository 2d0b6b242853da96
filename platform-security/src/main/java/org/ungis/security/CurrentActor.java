package org.ungis.security;

import java.util.Optional;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The actor of the current request, taken from the verified bearer token. Use it where a controller
 * method parameter of type {@link AuthenticatedActor} is not convenient, e.g. inside a service's
 * own {@code HandlerMethodArgumentResolver}.
 */
public final class CurrentActor {

  private CurrentActor() {}

  /** The actor of the current request; empty on a public path called without a token. */
  public static Optional<AuthenticatedActor> get() {
    return get(ActorJwtConverter.DEFAULT_CLAIMS);
  }

  static Optional<AuthenticatedActor> get(ActorJwtConverter claims) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    if (authentication instanceof ActorAuthenticationToken token) {
      return Optional.of(token.actor());
    }
    if (authentication instanceof JwtAuthenticationToken token) {
      // e.g. spring-security-test's jwt() request post-processor in a MockMvc test
      return Optional.of(claims.actorOf(token.getToken()));
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
    return require(ActorJwtConverter.DEFAULT_CLAIMS);
  }

  static AuthenticatedActor require(ActorJwtConverter claims) {
    return get(claims)
        .orElseThrow(
            () -> new AuthenticationCredentialsNotFoundException("A bearer token is required"));
  }
}
