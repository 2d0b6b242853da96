package org.ungis.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.ungis.reference.People;
import org.ungis.reference.Person;
import org.ungis.reference.Roster;

/**
 * The authorization server: its clients and people, its signing key, its endpoints, the sign-in
 * page and their security.
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfig {

  /** The client id of the portal, the client that signs people in. */
  static final String PORTAL_CLIENT_ID = "portal";

  private static final Logger log = LoggerFactory.getLogger(AuthorizationServerConfig.class);

  @Bean
  Roster roster(@Value("${ungis.roster:}") String rosterFile) {
    return rosterFile.isBlank() ? Roster.load() : Roster.load(Path.of(rosterFile));
  }

  @Bean
  People people(Roster roster, @Value("${ungis.people:}") String peopleFile) {
    return peopleFile.isBlank() ? People.load(roster) : People.load(Path.of(peopleFile), roster);
  }

  @Bean
  ClientDirectory clientDirectory(AuthServerSettings settings, Roster roster) {
    DevelopmentSecrets.refuseInProduction(settings);
    var reviewers =
        settings.reviewers() != null
            ? settings.reviewers()
            : new ClassPathResource("reviewers.yml");
    return ClientDirectory.of(roster, ReviewersFile.load(reviewers));
  }

  /** The people who may sign in with a password: those with a hash in the passwords file. */
  @Bean
  UserDetailsService personAccounts(People people, AuthServerSettings settings) {
    var file =
        settings.peoplePasswords() != null
            ? settings.peoplePasswords()
            : new ClassPathResource("dev-people.yml");
    Map<String, String> hashes = PasswordsFile.load(file, people);
    List<UserDetails> accounts = new ArrayList<>();
    for (Person person : people.all()) {
      String hash = hashes.get(person.id());
      if (hash != null) {
        accounts.add(
            User.withUsername(person.id()).password(hash).roles(person.role().name()).build());
      }
    }
    log.info(
        "{} of {} people may sign in with a password from {}",
        accounts.size(),
        people.all().size(),
        file);
    return new InMemoryUserDetailsManager(accounts);
  }

  @Bean
  RegisteredClientRepository registeredClientRepository(
      ClientDirectory clients, AuthServerSettings settings) {
    TokenSettings tokens =
        TokenSettings.builder()
            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
            .accessTokenTimeToLive(settings.tokenTtl())
            .build();
    List<RegisteredClient> registered = new ArrayList<>();
    Map<String, String> secrets = DevelopmentSecrets.load(settings.clientSecrets());
    for (PlatformClient client : clients.all()) {
      Optional<String> secret =
          DevelopmentSecrets.secretOf(client, secrets, settings.development());
      if (secret.isEmpty()) {
        continue;
      }
      registered.add(
          RegisteredClient.withId(client.clientId())
              .clientId(client.clientId())
              .clientName(client.displayName())
              .clientSecret(secret.get())
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
              .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
              .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
              .scopes(scopes -> scopes.addAll(client.scopes()))
              .tokenSettings(tokens)
              .build());
    }
    log.info("{} of {} machine clients have a secret", registered.size(), clients.all().size());
    registered.add(portal(settings));
    return new InMemoryRegisteredClientRepository(registered);
  }

  /** The portal: signs people in with the authorization code flow, PKCE and refresh tokens. */
  static RegisteredClient portal(AuthServerSettings settings) {
    AuthServerSettings.Portal portal = settings.portal();
    String secret = portal.clientSecret();
    return RegisteredClient.withId(PORTAL_CLIENT_ID)
        .clientId(PORTAL_CLIENT_ID)
        .clientName("UNGIS portal")
        .clientSecret(secret.startsWith("{") ? secret : "{noop}" + secret)
        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
        .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
        .redirectUris(uris -> uris.addAll(portal.redirectUris()))
        .postLogoutRedirectUris(uris -> uris.addAll(portal.postLogoutRedirectUris()))
        .scopes(scopes -> scopes.addAll(PersonAccess.allScopes()))
        .clientSettings(
            ClientSettings.builder()
                .requireProofKey(true)
                .requireAuthorizationConsent(false)
                .build())
        .tokenSettings(
            TokenSettings.builder()
                .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED)
                .accessTokenTimeToLive(settings.tokenTtl())
                .refreshTokenTimeToLive(settings.refreshTokenTtl())
                .reuseRefreshTokens(false)
                .build())
        .build();
  }

  /**
   * Repeated failed client authentications and sign-ins are slowed down and logged, ahead of Spring
   * Security's filters ({@code ungis.auth.failure-max-wait}: the longest a principal waits after
   * its failures, 60 s by default).
   */
  @Bean
  FilterRegistrationBean<SlowDownFailures> slowDownFailures(
      @Value("${ungis.auth.failure-max-wait:60s}") Duration maxWait) {
    var registration =
        new FilterRegistrationBean<>(
            new SlowDownFailures(new FailedAttempts(maxWait, Clock.systemUTC())));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /** Authorizations in memory, each person's kept to the scopes of their role. */
  @Bean
  OAuth2AuthorizationService authorizationService(People people) {
    return new PersonScopes(new InMemoryOAuth2AuthorizationService(), people);
  }

  @Bean
  JWKSource<SecurityContext> jwkSource(AuthServerSettings settings) {
    RSAKey key = SigningKey.load(settings);
    return new ImmutableJWKSet<>(new JWKSet(key));
  }

  @Bean
  OAuth2TokenCustomizer<JwtEncodingContext> platformTokenClaims(
      ClientDirectory clients, People people, AuthServerSettings settings) {
    return new PlatformTokenClaims(clients, people, settings.audience());
  }

  @Bean
  AuthorizationServerSettings authorizationServerSettings(AuthServerSettings settings) {
    AuthorizationServerSettings.Builder builder = AuthorizationServerSettings.builder();
    if (settings.issuer() != null && !settings.issuer().isBlank()) {
      builder.issuer(settings.issuer());
    }
    return builder.build();
  }

  /**
   * The OAuth2 and OIDC endpoints: authorization (a browser that is not signed in goes to the
   * sign-in page), token, JWKS, introspection, revocation, UserInfo, RP-initiated logout and
   * discovery.
   */
  @Bean
  @Order(1)
  SecurityFilterChain authorizationServerEndpoints(HttpSecurity http) {
    http.oauth2AuthorizationServer(
        server -> {
          http.securityMatcher(server.getEndpointsMatcher());
          server.oidc(
              oidc ->
                  oidc.userInfoEndpoint(userInfo -> userInfo.userInfoMapper(new PersonUserInfo())));
          server.tokenEndpoint(
              token -> token.accessTokenRequestConverter(new AllScopesByDefault()));
          server.clientAuthentication(
              clients -> clients.errorResponseHandler(new ClientAuthenticationFailure()));
        });
    http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .oauth2ResourceServer(resourceServer -> resourceServer.jwt(Customizer.withDefaults()))
        .exceptionHandling(
            exceptions ->
                exceptions.defaultAuthenticationEntryPointFor(
                    new SignInEntryPoint(), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
    return http.build();
  }

  /**
   * The sign-in page and its form ({@code POST /login}, with a CSRF token). After signing in the
   * browser goes back to the authorization request that sent it here, or, if none did, to the
   * portal.
   */
  @Bean
  @Order(2)
  SecurityFilterChain signIn(HttpSecurity http, AuthServerSettings settings) {
    String home = settings.portal().postLogoutRedirectUris().stream().findFirst().orElse("/");
    http.securityMatcher(SignInController.PATH)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .formLogin(
            form ->
                form.loginPage(SignInController.PATH)
                    .failureHandler(new SignInFailure())
                    .defaultSuccessUrl(home));
    return http.build();
  }

  /** Everything else: the health probes, nothing more. */
  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) {
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                    .permitAll()
                    .anyRequest()
                    .denyAll())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    return http.build();
  }
}
