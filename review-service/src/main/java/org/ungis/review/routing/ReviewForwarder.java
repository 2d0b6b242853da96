package org.ungis.review.routing;

import org.springframework.stereotype.Component;
import org.ungis.review.ReviewSettings;
import org.ungis.routing.RequestForwarder;

/** The {@link RequestForwarder} of review-service, with its timeout. */
@Component
class ReviewForwarder extends RequestForwarder {

  ReviewForwarder(ReviewSettings settings) {
    // The owner may wait for a decision on the same contribution (the lock), for a revision to
    // reach its view, for Kafka's acknowledgement and for its own view.
    super(
        settings
            .lockTimeout()
            .plus(settings.sendTimeout())
            .plus(settings.viewTimeout().multipliedBy(3)));
  }
}
