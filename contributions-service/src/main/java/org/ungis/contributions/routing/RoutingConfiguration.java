package org.ungis.contributions.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts {@link OwnerRouting} in front of the contribution endpoints. It does nothing unless {@code
 * application.server} is set (several instances); absent in web slices without Kafka.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration implements WebMvcConfigurer {

  private final ObjectProvider<PartitionOwners> owners;
  private final ObjectProvider<RequestForwarder> forwarder;

  RoutingConfiguration(
      ObjectProvider<PartitionOwners> owners, ObjectProvider<RequestForwarder> forwarder) {
    this.owners = owners;
    this.forwarder = forwarder;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    PartitionOwners partitionOwners = owners.getIfAvailable();
    RequestForwarder requestForwarder = forwarder.getIfAvailable();
    if (partitionOwners == null || requestForwarder == null) {
      return;
    }
    registry
        .addInterceptor(new OwnerRouting(partitionOwners, requestForwarder))
        .addPathPatterns(OwnerRouting.SUBMISSIONS, OwnerRouting.SUBMISSIONS + "/**");
  }
}
