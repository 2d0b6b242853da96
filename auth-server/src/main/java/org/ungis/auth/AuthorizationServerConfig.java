package org.ungis.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.ungis.reference.Roster;

/** The authorization server: its clients, its signing key, its endpoints and their security. */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

  @Bean
  ClientDirectory clientDirectory(
      AuthServerSettings settings, @Value("${ungis.roster:}") String rosterFile) {
    Roster roster = rosterFile.isBlank() ? Roster.load() : Roster.load(Path.of(rosterFile));
    var reviewers =
        settings.reviewers() != null
            ? settings.reviewers()
            : new ClassPathResource("reviewers.yml");
    return ClientDirectory.of(roster, ReviewersFile.load(reviewers));
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      ClientDirectory clients, AuthServerSettings settings) {
    TokenSettings tokens =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(settings.tokenTtl())
            .build();
    return new InMemoryRegisteredClientRepository(
        clients.all().stream()
            .map(
                client ->
                    RegisteredClient.withId(client.clientId())
                        .clientId(client.clientId())
                        .clientName(client.displayName())
                        .clientSecret("{noop}" + client.secret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                        .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                        .scopes(scopes -> scopes.addAll(client.scopes()))
                        .tokenSettings(tokens)
                        .build())
            .toList());
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthServerSettings settings) {
    RSAKey key = SigningKey.load(settings);
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> platformTokenClaims(
      ClientDirectory clients, AuthServerSettings settings) {
    return new PlatformTokenClaims(clients, settings.audience());
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthServerSettings settings) {
    AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
    if (settings.issuer() != null && !settings.issuer().isBlank()) {
      builder.issuer(settings.issuer());
    }
    return builder.build();
  }

  /** Token, JWKS, introspection, revocation and discovery endpoints. */
  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) {
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(Customizer.withDefaults());
          server.tokenEndpoint(
              token -> token.accessTokenRequestConverter(new AllScopesByDefault()));
          server.clientAuthentication(
              clients -> clients.errorResponseHandler(new ClientAuthenticationFailure()));
        });
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }

  /** Everything else: health and info for probes, nothing more (there are no user logins). */
  @Bean
  @Order(2)
  SecurityFilterChain everythingElse(HttpSecurity http) {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }
}
