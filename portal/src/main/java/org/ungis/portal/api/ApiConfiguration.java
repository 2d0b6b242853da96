package org.ungis.portal.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * How the portal calls the services: with the signed-in person's own access token (refreshed by
 * Spring Security when it expires), or with no token at all for an anonymous visitor.
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

  @Bean
  OAuth2ClientHttpRequestInterceptor personTokenInterceptor(
      OAuth2AuthorizedClientManager manager, OAuth2AuthorizedClientRepository clients) {
    OAuth2ClientHttpRequestInterceptor interceptor =
        new OAuth2ClientHttpRequestInterceptor(manager);
    // Signed in: the person's token; anonymous: no Authorization header (public endpoints only).
    interceptor.setClientRegistrationIdResolver(request -> signedIn() ? REGISTRATION : null);
    // A token the service refuses (401/403 invalid_token) is forgotten, so the next page signs in.
    interceptor.setAuthorizationFailureHandler(
        OAuth2ClientHttpRequestInterceptor.authorizationFailureHandler(clients));
    return interceptor;
  }

  static boolean signedIn() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null
        && authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** A RestClient for one service: its base URL, the person's token, problems as exceptions. */
  static RestClient client(
      RestClient.Builder builder,
      java.net.URI baseUrl,
      java.time.Duration timeout,
      OAuth2ClientHttpRequestInterceptor tokens,
      ObjectMapper json) {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(HttpClient.newBuilder().connectTimeout(timeout).build());
    factory.setReadTimeout(timeout);
    return builder
        .clone()
        .baseUrl(baseUrl.toString())
        .requestFactory(factory)
        .requestInterceptor(tokens)
        .defaultStatusHandler(
            status -> status.isError(),
            (request, response) -> {
              throw new ApiProblem.Exception(
                  read(response.getStatusCode().value(), response.getBody(), json));
            })
        .build();
  }

  static ApiProblem read(int status, InputStream body, ObjectMapper json) throws IOException {
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (RuntimeException notJson) {
      return new ApiProblem(status, "", null, null, null);
    }
    if (node == null || !node.isObject()) {
      return new ApiProblem(status, "", null, null, null);
    }
    java.util.List<ApiProblem.FieldProblem> errors = new java.util.ArrayList<>();
    for (JsonNode error : node.path("errors")) {
      errors.add(
          new ApiProblem.FieldProblem(
              error.path("field").asString(""), error.path("message").asString("")));
    }
    return new ApiProblem(
        status,
        node.path("type").asString(""),
        node.path("reason").isMissingNode() ? null : node.path("reason").asString(null),
        node.path("detail").asString(""),
        errors);
  }
}
