package org.ungis.contributions.routing;

import org.springframework.stereotype.Component;
import org.ungis.contributions.ContributionsSettings;
import org.ungis.routing.RequestForwarder;

/** The {@link RequestForwarder} of contributions-service, with its timeout. */
@Component
class ContributionForwarder extends RequestForwarder {

  ContributionForwarder(ContributionsSettings settings) {
    // The owner may wait for Kafka's acknowledgement and then for its view, behind the lock.
    super(settings.sendTimeout().plus(settings.viewTimeout().multipliedBy(3)));
  }
}
