package org.ungis.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified JWT together with the platform actor its claims name. */
final class ActorAuthenticationToken extends JwtAuthenticationToken {

  private final AuthenticatedActor actor;

  ActorAuthenticationToken(
      Jwt jwt, Collection<? extends GrantedAuthority> authorities, AuthenticatedActor actor) {
    super(jwt, authorities, actor.principal());
    this.actor = actor;
  }

  AuthenticatedActor actor() {
    return actor;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ActorAuthenticationToken that
        && super.equals(that)
        && actor.equals(that.actor);
  }

  @Override
  public int hashCode() {
    return 31 * super.hashCode() + actor.hashCode();
  }
}
