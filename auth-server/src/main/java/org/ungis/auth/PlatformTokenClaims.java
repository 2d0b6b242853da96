package org.ungis.auth;

import java.util.List;
import java.util.TreeSet;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts the platform's claims into every access token: {@code agency}, {@code principal}, {@code
 * roles}, {@code name}, {@code aud} = the platform audience ({@code sub} is the client id), and
 * {@code scope} as one space-separated string (RFC 9068), which every resource server reads.
 */
final class PlatformTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private final ClientDirectory clients;
  private final String audience;

  PlatformTokenClaims(ClientDirectory clients, String audience) {
    this.clients = clients;
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      return;
    }
    clients
        .byClientId(context.getRegisteredClient().getClientId())
        .ifPresent(
            client ->
                context
                    .getClaims()
                    .audience(List.of(audience))
                    .claim("agency", client.agency())
                    .claim("principal", client.principal())
                    .claim("roles", client.roles())
                    .claim("name", client.displayName())
                    .claim(
                        "scope", String.join(" ", new TreeSet<>(context.getAuthorizedScopes()))));
  }
}
