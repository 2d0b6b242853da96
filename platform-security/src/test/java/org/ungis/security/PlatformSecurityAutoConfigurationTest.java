package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.Filter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** When the library switches itself on, and what it refuses to start without. */
class PlatformSecurityAutoConfigurationTest {

  final WebApplicationContextRunner service =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  PlatformSecurityAutoConfiguration.class,
                  SecurityAutoConfiguration.class,
                  ServletWebSecurityAutoConfiguration.class,
                  OAuth2ResourceServerAutoConfiguration.class));

  @Test
  void withoutATokenSourceTheServiceDoesNotStartAndSaysWhatToSet() {
    service.run(
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessageContaining("spring.security.oauth2.resourceserver.jwt.issuer-uri")
                .hasMessageContaining("ungis.security.enabled=false"));
  }

  @Test
  void anIssuerIsContactedOnlyOnTheFirstToken() {
    service
        .withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/not-running")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(VerifiedTokenCache.class);
              assertThat(context.getBeansOfType(SecurityFilterChain.class)).hasSize(1);
              assertThat(context).hasBean("ungisResourceServerFilterChain");
            });
  }

  @Test
  void theVerifiedTokenCacheCanBeSwitchedOffAndTheFirewallChecksHeadersWithoutARegex() {
    service
        .withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/not-running",
            "ungis.security.token-cache.max-entries=0")
        .run(
            context -> {
              assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(SupplierJwtDecoder.class);
              assertThat(
                      context
                          .getBean(StrictHttpFirewall.class)
                          .getFirewalledRequest(withHeader("Authorization", "Bearer x\ny")))
                  .satisfies(
                      request ->
                          assertThatThrownBy(() -> request.getHeader("Authorization"))
                              .isInstanceOf(RequestRejectedException.class));
            });
  }

  @Test
  void switchedOffItLeavesSecurityToTheService() {
    service
        .withPropertyValues("ungis.security.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean("ungisResourceServerFilterChain");
              assertThat(context).doesNotHaveBean(UngisSecurityProperties.class);
            });
  }

  @Test
  void aServicesOwnDecoderWins() {
    service
        .withUserConfiguration(OwnDecoder.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(JwtDecoder.class)).isSameAs(OwnDecoder.DECODER);
            });
  }

  @Test
  void theFilterChainRunsWithoutAnObservationPerFilter() {
    service
        .withUserConfiguration(Observed.class)
        .withPropertyValues(
            "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/not-running")
        .run(
            context -> {
              MockHttpServletResponse response = new MockHttpServletResponse();
              context
                  .getBean("springSecurityFilterChain", Filter.class)
                  .doFilter(
                      new MockHttpServletRequest("GET", "/actuator/health"),
                      response,
                      new MockFilterChain());

              assertThat(response.getStatus()).isEqualTo(200);
              assertThat(Observed.STARTED)
                  .as("observations Spring Security started around the filters")
                  .isEmpty();
            });
  }

  /** An observation registry that records the name of every observation started. */
  @Configuration(proxyBeanMethods = false)
  static class Observed {
    static final List<String> STARTED = new CopyOnWriteArrayList<>();

    @Bean
    ObservationRegistry observationRegistry() {
      ObservationRegistry registry = ObservationRegistry.create();
      registry
          .observationConfig()
          .observationHandler(
              new ObservationHandler<>() {
                @Override
                public void onStart(Observation.Context context) {
                  STARTED.add(context.getName());
                }

                @Override
                public boolean supportsContext(Observation.Context context) {
                  return true;
                }
              });
      return registry;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnDecoder {
    static final JwtDecoder DECODER =
        NimbusJwtDecoder.withJwkSetUri("http://localhost:1/jwks").build();

    @Bean
    JwtDecoder ownDecoder() {
      return DECODER;
    }
  }

  static MockHttpServletRequest withHeader(String name, String value) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/contributions");
    request.addHeader(name, value);
    return request;
  }
}
