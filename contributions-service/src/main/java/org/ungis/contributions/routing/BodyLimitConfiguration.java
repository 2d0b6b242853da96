package org.ungis.contributions.routing;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ungis.contributions.ContributionsSettings;
import org.ungis.routing.BodyLimit;
import org.ungis.routing.BodyLimitFilter;

/**
 * {@code ungis.max-request-body} for every request, with one instance as with several: 413 {@code
 * payload-too-large} before a longer body is read, right behind the security filter chain.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ContributionsSettings settings) {
    var filter = new BodyLimitFilter(new BodyLimit(settings.maxRequestBody().toBytes()));
    var registration = new FilterRegistrationBean<>(filter);
    // Right after Spring Security's filter chain: a request without a valid token or without the
    // scope is refused before any of its body is read; before the routing and the controllers.
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }
}
