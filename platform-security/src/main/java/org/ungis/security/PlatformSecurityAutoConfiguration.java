package org.ungis.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes a servlet service an OAuth2 resource server of the platform: every request needs a valid
 * bearer JWT for the platform's audience, except the health probes, the API description and the
 * paths in {@code ungis.security.public-paths}; the other actuator endpoints need the scope {@code
 * operations.read} (or the management port), the internal ones the instances' secret, and each path
 * of {@code ungis.security.scopes} its scope. Whom to trust is set with Spring Boot's {@code
 * spring.security.oauth2.resourceserver.jwt.*} (see {@link PlatformJwtDecoder}); this configuration
 * adds the audience check, the claim mapping to {@link AuthenticatedActor} and problem+json answers
 * for {@code 401}/{@code 403}.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "ungis.security.enabled", matchIfMissing = true)
@EnableWebSecurity
@EnableConfigurationProperties({
  UngisSecurityProperties.class,
  OAuth2ResourceServerProperties.class
})
public final class PlatformSecurityAutoConfiguration {

  /** Paths every service serves without a token: the probes and the API's description. */
  static final List<String> ALWAYS_PUBLIC =
      List.of(
          "/actuator/health",
          "/actuator/health/**",
          "/v3/api-docs",
          "/v3/api-docs/**",
          "/swagger-ui.html",
          "/swagger-ui/**",
          "/error");

  /**
   * The decoder of Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*} settings with
   * the audience check; a service that declares its own {@link JwtDecoder} replaces it (and then
   * checks the audience itself).
   */
  @Bean
  @ConditionalOnMissingBean(JwtDecoder.class)
  JwtDecoder ungisJwtDecoder(
      OAuth2ResourceServerProperties resourceServer, UngisSecurityProperties settings) {
    return PlatformJwtDecoder.create(
        resourceServer.getJwt(), settings.audience(), settings.tokenCache());
  }

  /**
   * Spring Security's strict firewall, with header values checked by a loop rather than its regular
   * expression (same rule; see {@link HeaderValues}).
   */
  @Bean
  @ConditionalOnMissingBean(HttpFirewall.class)
  StrictHttpFirewall ungisHttpFirewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderValues(new HeaderValues());
    return firewall;
  }

  /**
   * No observation of the security filter chain, the authentication or the authorization: without
   * this bean Spring Security wraps every filter of the chain in an observation of its own, also
   * when {@code management.observations.enable.spring.security=false} makes them no-ops, which
   * costs on every request. The request's own observation and trace (Spring MVC's) stay. A service
   * that wants them declares its own {@link SecurityObservationSettings}.
   */
  @Bean
  @ConditionalOnMissingBean(SecurityObservationSettings.class)
  static SecurityObservationSettings ungisSecurityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  WebSecurityCustomizer ungisFirewallCustomizer(HttpFirewall firewall) {
    return web -> web.httpFirewall(firewall);
  }

  /**
   * The scope a token needs for every actuator endpoint but the health probes (metrics, info, ...)
   * on the service's own port; on a separate management port ({@code management.server.port}) they
   * need none, that port being for the operators' network only.
   */
  static final String OPERATIONS_SCOPE = "operations.read";

  @Bean
  SecurityFilterChain ungisResourceServerFilterChain(
      HttpSecurity http, UngisSecurityProperties settings, Environment environment) {
    RequestMatcher managementPort = managementPort(environment);
    ProblemResponses problems = new ProblemResponses(settings.realm());
    List<RequestMatcher> publicPaths = publicPaths(settings.publicPaths());
    List<ScopeRule> scopeRules = ScopeRule.parse(settings.scopes());
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .authorizeHttpRequests(
            requests -> {
              requests
                  .dispatcherTypeMatchers(DispatcherType.ERROR)
                  .permitAll()
                  .requestMatchers(ALWAYS_PUBLIC.toArray(String[]::new))
                  .permitAll()
                  .requestMatchers(managementPort)
                  .permitAll()
                  .requestMatchers("/actuator", "/actuator/**")
                  .hasAuthority("SCOPE_" + OPERATIONS_SCOPE)
                  .requestMatchers(settings.internal().paths().toArray(String[]::new))
                  .access(new InternalAccess(settings.internal().secret()));
              if (!publicPaths.isEmpty()) {
                requests.requestMatchers(publicPaths.toArray(RequestMatcher[]::new)).permitAll();
              }
              for (ScopeRule rule : scopeRules) {
                requests.requestMatchers(rule.matcher()).hasAuthority(rule.authority());
              }
              requests.anyRequest().authenticated();
            })
        .oauth2ResourceServer(
            resourceServer ->
                resourceServer
                    .jwt(
                        jwt ->
                            jwt.jwtAuthenticationConverter(
                                new ActorJwtConverter(settings.claims())))
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems))
        .exceptionHandling(
            exceptions ->
                exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
        .addFilterBefore(
            new IssuerUnavailableFilter(problems), BearerTokenAuthenticationFilter.class);
    return http.build();
  }

  /**
   * Controller method parameters of type {@link AuthenticatedActor}, and of each service's own
   * actor type ({@link ActorArgumentResolver} beans), resolved from the verified token.
   */
  @Bean
  WebMvcConfigurer authenticatedActorWebMvcConfigurer(
      UngisSecurityProperties settings, ObjectProvider<ActorArgumentResolver<?>> serviceActors) {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(
            new AuthenticatedActorArgumentResolver(new ActorJwtConverter(settings.claims())));
        serviceActors.orderedStream().forEach(resolvers::add);
      }
    };
  }

  /**
   * Requests that came in on the management port, when {@code management.server.port} names one
   * other than the service's own.
   */
  static RequestMatcher managementPort(Environment environment) {
    Integer port = environment.getProperty("management.server.port", Integer.class);
    Integer server = environment.getProperty("server.port", Integer.class);
    if (port == null || port <= 0 || port.equals(server)) {
      return request -> false;
    }
    return request -> request.getLocalPort() == port;
  }

  /** {@code /path/**} or {@code GET /path/**}. */
  static List<RequestMatcher> publicPaths(List<String> entries) {
    List<RequestMatcher> matchers = new ArrayList<>();
    for (String entry : entries) {
      String trimmed = entry.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int space = trimmed.indexOf(' ');
      if (space < 0) {
        matchers.add(PathPatternRequestMatcher.pathPattern(trimmed));
      } else {
        HttpMethod method =
            HttpMethod.valueOf(trimmed.substring(0, space).toUpperCase(Locale.ROOT));
        matchers.add(
            PathPatternRequestMatcher.pathPattern(method, trimmed.substring(space + 1).trim()));
      }
    }
    return matchers;
  }
}
