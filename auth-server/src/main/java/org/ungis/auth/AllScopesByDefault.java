package org.ungis.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request that names no {@code scope} gets every scope registered for the
 * client (RFC 6749 section 3.3 lets the server pick a default), so that {@code curl -u
 * itu-intake:itu-secret -d grant_type=client_credentials} yields a usable token.
 */
final class AllScopesByDefault implements AuthenticationConverter {

  private final OAuth2ClientCredentialsAuthenticationConverter standard =
      new OAuth2ClientCredentialsAuthenticationConverter();

  @Override
  public Authentication convert(HttpServletRequest request) {
    Authentication converted = standard.convert(request);
    if (!(converted instanceof OAuth2ClientCredentialsAuthenticationToken requested)
        || !requested.getScopes().isEmpty()) {
      return converted;
    }
    Authentication client = SecurityContextHolder.getContext().getAuthentication();
    if (!(client instanceof OAuth2ClientAuthenticationToken authenticatedClient)
        || authenticatedClient.getRegisteredClient() == null) {
      return converted;
    }
    return new OAuth2ClientCredentialsAuthenticationToken(
        authenticatedClient,
        authenticatedClient.getRegisteredClient().getScopes(),
        new HashMap<>(requested.getAdditionalParameters()));
  }
}
