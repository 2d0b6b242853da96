package org.ungis.review.routing;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.ungis.review.ReviewSettings;
import org.ungis.routing.BodyLimit;
import org.ungis.routing.BodyLimitFilter;

/**
 * {@code ungis.review.max-request-body} for every request, with one instance as with several: 413
 * {@code payload-too-large} before a longer body is read, in front of every other filter.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

  @Bean
  FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(ReviewSettings settings) {
    var filter = new BodyLimitFilter(new BodyLimit(settings.maxRequestBody().toBytes()));
    var registration = new FilterRegistrationBean<>(filter);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
