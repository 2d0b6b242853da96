package org.ungis.contributions.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.ungis.routing.RequestForwarder;

/**
 * Puts {@link ContributionRouting} in front of the contribution endpoints. It does nothing unless
 * {@code application.server} is set (several instances); absent in web slices without Kafka.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<ContributionOwners> owners;
  private final ObjectProvider<RequestForwarder> forwarder;

  RoutingConfiguration(
      ObjectProvider<ContributionOwners> owners, ObjectProvider<RequestForwarder> forwarder) {
    this.owners = owners;
    this.forwarder = forwarder;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    ContributionOwners partitionOwners = owners.getIfAvailable();
    RequestForwarder requestForwarder = forwarder.getIfAvailable();
    if (partitionOwners == null || requestForwarder == null) {
      return;
    }
    registry
        .addInterceptor(new ContributionRouting(partitionOwners, requestForwarder))
        .addPathPatterns(ContributionRouting.SUBMISSIONS, ContributionRouting.SUBMISSIONS + "/**");
  }
}
