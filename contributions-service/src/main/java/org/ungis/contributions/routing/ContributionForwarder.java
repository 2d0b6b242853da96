package org.ungis.contributions.routing;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.ungis.contributions.ContributionsSettings;
import org.ungis.routing.BodyLimit;
import org.ungis.routing.RequestForwarder;
import org.ungis.security.UngisSecurityProperties;

/**
 * The {@link RequestForwarder} of contributions-service, with its timeout, body limit and the
 * secret of the internal endpoints.
 */
@Component
class ContributionForwarder extends RequestForwarder {

  ContributionForwarder(
      ContributionsSettings settings, ObjectProvider<UngisSecurityProperties> security) {
    // The owner's worst case: Kafka's acknowledgement, then its view, behind the lock (the
    // forwarder waits RequestForwarder.MARGIN more before it answers 504).
    super(
        settings.sendTimeout().plus(settings.viewTimeout().multipliedBy(3)),
        new BodyLimit(settings.maxRequestBody().toBytes()));
    UngisSecurityProperties platform = security.getIfAvailable();
    if (platform != null) {
      internalSecret(platform.internal().secret());
    }
  }
}
