package org.ungis.auth;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.ungis.reference.People;
import org.ungis.reference.Person;

/**
 * Puts the platform's claims into every access token, a client's or a person's alike: {@code
 * agency}, {@code principal}, {@code roles}, {@code name}, {@code aud} = the platform audience, and
 * {@code scope} as one space-separated string (RFC 9068), which every resource server reads. A
 * client's token has the client id as {@code sub} and the client's principal; a person's token has
 * the person's id as {@code sub} and their e-mail as {@code principal}. A person's ID token says
 * who signed in: {@code name}, {@code email}, {@code agency}, {@code roles} and {@code locale} (the
 * preferred language).
 */
final class PlatformTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

  private static final OAuth2TokenType ID_TOKEN = new OAuth2TokenType(OidcParameterNames.ID_TOKEN);

  private final ClientDirectory clients;
  private final People people;
  private final String audience;

  PlatformTokenClaims(ClientDirectory clients, People people, String audience) {
    this.clients = clients;
    this.people = people;
    this.audience = audience;
  }

  @Override
  public void customize(JwtEncodingContext context) {
    if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
      if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
        clients
            .byClientId(context.getRegisteredClient().getClientId())
            .ifPresent(
                client ->
                    platformClaims(
                        context,
                        client.agency(),
                        client.principal(),
                        client.roles(),
                        client.displayName()));
      } else {
        person(context)
            .ifPresent(
                person ->
                    platformClaims(
                        context,
                        person.agency(),
                        person.email(),
                        PersonAccess.roles(person),
                        person.name()));
      }
    } else if (ID_TOKEN.equals(context.getTokenType())) {
      person(context)
          .ifPresent(
              person ->
                  context
                      .getClaims()
                      .claim("name", person.name())
                      .claim("email", person.email())
                      .claim("agency", person.agency())
                      .claim("roles", PersonAccess.roles(person))
                      .claim("locale", person.language()));
    }
  }

  private void platformClaims(
      JwtEncodingContext context,
      String agency,
      String principal,
      List<String> roles,
      String name) {
    context
        .getClaims()
        .audience(List.of(audience))
        .claim("agency", agency)
        .claim("principal", principal)
        .claim("roles", roles)
        .claim("name", name)
        .claim("scope", String.join(" ", new TreeSet<>(context.getAuthorizedScopes())));
  }

  private Optional<Person> person(JwtEncodingContext context) {
    Authentication principal = context.getPrincipal();
    return principal == null ? Optional.empty() : people.byId(principal.getName());
  }
}
