package org.ungis.portal.security;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.WebUtils;
import org.ungis.portal.web.Languages;
import tools.jackson.databind.ObjectMapper;

/**
 * The portal is an OAuth2 client in the backend-for-frontend shape: the browser holds only the
 * session cookie (HttpOnly, SameSite=Lax); the tokens stay in the server's session. Every form
 * carries a CSRF token. Sign-in is the authorization-code flow with PKCE (Spring Security adds the
 * code challenge for every authorization-code registration), sign-out is OIDC RP-initiated logout.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain portalFilterChain(
      HttpSecurity http,
      ClientRegistrationRepository registrations,
      OAuth2UserService<OidcUserRequest, OidcUser> people,
      LocaleResolver locales)
      throws Exception {
    OidcClientInitiatedLogoutSuccessHandler logout =
        new OidcClientInitiatedLogoutSuccessHandler(registrations);
    logout.setPostLogoutRedirectUri("{baseUrl}/");
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/my/**")
                    .hasRole(Person.AGENCY)
                    .requestMatchers("/review/**", "/chair/**")
                    .hasRole(Person.REVIEWER)
                    .requestMatchers("/sign-in")
                    .authenticated()
                    .anyRequest()
                    .permitAll())
        .oauth2Login(
            login ->
                login
                    .userInfoEndpoint(info -> info.oidcUserService(people))
                    .successHandler(signedIn(locales)))
        .logout(out -> out.logoutSuccessHandler(logout))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self';"
                                + " script-src 'self'; object-src 'none'; base-uri 'self';"
                                + " form-action 'self' http: https:; frame-ancestors 'none'")));
    return http.build();
  }

  /**
   * After sign-in, the pages speak the person's preferred language (the ID token's {@code locale})
   * unless they already chose one with the language switcher.
   */
  static AuthenticationSuccessHandler signedIn(LocaleResolver locales) {
    SavedRequestAwareAuthenticationSuccessHandler target =
        new SavedRequestAwareAuthenticationSuccessHandler();
    return (request, response, authentication) -> {
      Person person = Person.of(authentication);
      Languages.Language preferred = person == null ? null : Languages.of(person.locale());
      if (preferred != null && WebUtils.getCookie(request, Languages.COOKIE) == null) {
        locales.setLocale(request, response, preferred.locale());
      }
      target.onAuthenticationSuccess(request, response, authentication);
    };
  }

  /**
   * Reads the person from the ID token and, for the claims the services read ({@code agency},
   * {@code roles}, {@code principal}, {@code name}) that the ID token lacks, from the access token
   * the provider issued with it; the roles become authorities ({@code ROLE_AGENCY}, {@code
   * ROLE_REVIEWER}).
   */
  @Bean
  OAuth2UserService<OidcUserRequest, OidcUser> personUserService(ObjectMapper json) {
    OidcUserService standard = new OidcUserService();
    return request -> {
      OidcUser user = standard.loadUser(request);
      Map<String, Object> claims = new HashMap<>(accessTokenClaims(request, json));
      claims.putAll(user.getClaims());
      Person person = Person.of(claims);
      List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
      person.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
      Map<String, Object> extra = new HashMap<>();
      for (String claim : List.of("agency", "roles", "principal", "name")) {
        if (claims.get(claim) != null) {
          extra.put(claim, claims.get(claim));
        }
      }
      return new DefaultOidcUser(
          authorities, user.getIdToken(), new OidcUserInfo(merge(user, extra)), "sub");
    };
  }

  private static Map<String, Object> merge(OidcUser user, Map<String, Object> extra) {
    Map<String, Object> info = new HashMap<>();
    if (user.getUserInfo() != null) {
      info.putAll(user.getUserInfo().getClaims());
    }
    info.putAll(extra);
    info.putIfAbsent("sub", user.getSubject());
    return info;
  }

  /** The access token's payload (a JWT from our provider); empty if it is opaque. */
  static Map<String, Object> accessTokenClaims(OidcUserRequest request, ObjectMapper json) {
    String[] parts = request.getAccessToken().getTokenValue().split("\\.");
    if (parts.length != 3) {
      return Map.of();
    }
    try {
      byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
      @SuppressWarnings("unchecked")
      Map<String, Object> claims = json.readValue(payload, Map.class);
      return claims;
    } catch (RuntimeException notJson) {
      return Map.of();
    }
  }
}
