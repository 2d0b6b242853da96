package org.ungis.portal.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.ungis.client.UngisClient;
import org.ungis.portal.PortalSettings;

/**
 * How the portal calls the services: through the generated API client, at the API's one base URL,
 * with the signed-in person's own access token (refreshed by Spring Security when it expires), or
 * with no token at all for an anonymous visitor.
 */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

  /** The registration id of the portal's sign-in (the OIDC provider). */
  static final String REGISTRATION = "ungis";

  @Bean
  OAuth2AuthorizedClientManager authorizedClientManager(
      ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
    OAuth2AuthorizedClientProvider provider =
        OAuth2AuthorizedClientProviderBuilder.builder().authorizationCode().refreshToken().build();
    DefaultOAuth2AuthorizedClientManager manager =
        new DefaultOAuth2AuthorizedClientManager(registrations, clients);
    manager.setAuthorizedClientProvider(provider);
    return manager;
  }

  /**
   * The API as the person of the current request: signed in, their token (asked of the manager at
   * each call, so a refreshed one is used); anonymous, no Authorization header (public endpoints).
   */
  @Bean
  UngisClient ungisClient(PortalSettings settings, OAuth2AuthorizedClientManager manager) {
    return UngisClient.builder(settings.api().url().toString())
        .timeout(settings.api().timeout())
        .connectTimeout(settings.api().timeout())
        .token(() -> personToken(manager))
        .build();
  }

  private static String personToken(OAuth2AuthorizedClientManager manager) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!signedIn(authentication)) {
      return null;
    }
    OAuth2AuthorizedClient client =
        manager.authorize(
            OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION)
                .principal(authentication)
                .build());
    return client == null ? null : client.getAccessToken().getTokenValue();
  }

  static boolean signedIn(Authentication authentication) {
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }
}
