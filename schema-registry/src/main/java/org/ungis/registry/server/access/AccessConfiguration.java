package org.ungis.registry.server.access;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Basic authentication of the API's callers, with the users of {@link AccessSettings}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AccessSettings.class)
class AccessConfiguration {

  @Bean
  FilterRegistrationBean<BasicAuthFilter> basicAuthFilter(AccessSettings settings) {
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    BasicAuthFilter filter =
        new BasicAuthFilter(
            DevelopmentUsers.users(settings, encoder), settings.openReads(), encoder);
    FilterRegistrationBean<BasicAuthFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
