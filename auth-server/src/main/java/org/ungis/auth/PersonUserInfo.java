package org.ungis.auth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;

/**
 * The OIDC UserInfo response of a signed-in person: the same claims about them as their ID token
 * ({@code sub}, {@code name}, {@code email}, {@code agency}, {@code roles}, {@code locale}), so
 * that a client that merges UserInfo into its user (Spring Security's OIDC client does) keeps them.
 */
final class PersonUserInfo implements Function<OidcUserInfoAuthenticationContext, OidcUserInfo> {

  private static final List<String> CLAIMS =
      List.of("sub", "name", "email", "agency", "roles", "locale");

  @Override
  public OidcUserInfo apply(OidcUserInfoAuthenticationContext context) {
    OAuth2Authorization authorization = context.getAuthorization();
    OAuth2Authorization.Token<OidcIdToken> idToken = authorization.getToken(OidcIdToken.class);
    Map<String, Object> claims = new LinkedHashMap<>();
    if (idToken != null) {
      Map<String, Object> all = idToken.getToken().getClaims();
      CLAIMS.stream().filter(all::containsKey).forEach(name -> claims.put(name, all.get(name)));
    }
    claims.putIfAbsent("sub", authorization.getPrincipalName());
    return new OidcUserInfo(claims);
  }
}
