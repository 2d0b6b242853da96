package org.ungis.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

/**
 * Turns a verified JWT into an {@link ActorAuthenticationToken}. A token that names no agency is
 * not a platform token and is refused as invalid ({@code 401}). Authorities: {@code ROLE_<role>}
 * for each role and {@code SCOPE_<scope>} for each scope.
 */
final class ActorJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  static final ActorJwtConverter DEFAULT_CLAIMS =
      new ActorJwtConverter(new UngisSecurityProperties.Claims("agency", "principal", "roles"));

  private final UngisSecurityProperties.Claims claims;
  private final JwtGrantedAuthoritiesConverter scopes = new JwtGrantedAuthoritiesConverter();

  ActorJwtConverter(UngisSecurityProperties.Claims claims) {
    this.claims = claims;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    AuthenticatedActor actor = actorOf(jwt);
    List<GrantedAuthority> authorities = new ArrayList<>(scopes.convert(jwt));
    actor.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
    return new ActorAuthenticationToken(jwt, authorities, actor);
  }

  AuthenticatedActor actorOf(Jwt jwt) {
    String agency = text(claim(jwt.getClaims(), claims.agency()));
    if (agency == null || agency.isBlank()) {
      throw new InvalidBearerTokenException(
          "The token carries no '" + claims.agency() + "' claim naming the acting agency");
    }
    String principal = text(claim(jwt.getClaims(), claims.principal()));
    if (principal == null || principal.isBlank()) {
      principal = jwt.getSubject();
    }
    if (principal == null || principal.isBlank()) {
      throw new InvalidBearerTokenException(
          "The token carries neither a '" + claims.principal() + "' nor a 'sub' claim");
    }
    return new AuthenticatedActor(agency, principal, roles(claim(jwt.getClaims(), claims.roles())));
  }

  private static Object claim(Map<String, Object> claimSet, String name) {
    if (claimSet.containsKey(name)) {
      return claimSet.get(name);
    }
    Object current = claimSet;
    for (String part : name.split("\\.")) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(part);
    }
    return current;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Set<String> roles(Object value) {
    Set<String> roles = new LinkedHashSet<>();
    if (value instanceof Collection<?> values) {
      values.forEach(v -> roles.add(String.valueOf(v)));
    } else if (value instanceof String text) {
      Arrays.stream(text.split("[\\s,]+")).filter(s -> !s.isEmpty()).forEach(roles::add);
    }
    return roles;
  }
}
