package org.ungis.auth;

import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.ungis.reference.People;

/**
 * Keeps a person's authorization to the scopes of their role: a client may ask for every scope it
 * is registered with (the portal asks for all, before it knows who will sign in), and the person is
 * granted those that fit (RFC 6749 section 3.3 lets the server grant fewer than asked; the token
 * response says which). Done where every authorization is stored, so that no way of asking
 * (authorization request, pushed request, refresh) gets around it.
 */
final class PersonScopes implements OAuth2AuthorizationService {

  private final OAuth2AuthorizationService delegate;
  private final People people;

  PersonScopes(OAuth2AuthorizationService delegate, People people) {
    this.delegate = delegate;
    this.people = people;
  }

  @Override
  public void save(OAuth2Authorization authorization) {
    delegate.save(narrowed(authorization));
  }

  OAuth2Authorization narrowed(OAuth2Authorization authorization) {
    if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(
        authorization.getAuthorizationGrantType())) {
      return authorization;
    }
    Set<String> allowed =
        people
            .byId(authorization.getPrincipalName())
            .map(PersonAccess::scopes)
            .orElse(PersonAccess.SIGN_IN_SCOPES);
    Set<String> granted = new TreeSet<>(authorization.getAuthorizedScopes());
    if (!granted.retainAll(allowed)) {
      return authorization;
    }
    return OAuth2Authorization.from(authorization).authorizedScopes(granted).build();
  }

  @Override
  public void remove(OAuth2Authorization authorization) {
    delegate.remove(authorization);
  }

  @Override
  public OAuth2Authorization findById(String id) {
    return delegate.findById(id);
  }

  @Override
  public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
    return delegate.findByToken(token, tokenType);
  }
}
