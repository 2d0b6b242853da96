package org.ungis.contributions.routing;

import org.springframework.stereotype.Component;
import org.ungis.contributions.ContributionsSettings;
import org.ungis.routing.BodyLimit;
import org.ungis.routing.RequestForwarder;

/** The {@link RequestForwarder} of contributions-service, with its timeout and body limit. */
@Component
class ContributionForwarder extends RequestForwarder {

  ContributionForwarder(ContributionsSettings settings) {
    // The owner's worst case: Kafka's acknowledgement, then its view, behind the lock (the
    // forwarder waits RequestForwarder.MARGIN more before it answers 504).
    super(
        settings.sendTimeout().plus(settings.viewTimeout().multipliedBy(3)),
        new BodyLimit(settings.maxRequestBody().toBytes()));
  }
}
