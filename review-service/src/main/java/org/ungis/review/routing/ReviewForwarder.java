package org.ungis.review.routing;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.ungis.review.ReviewSettings;
import org.ungis.routing.BodyLimit;
import org.ungis.routing.RequestForwarder;

/**
 * The {@link RequestForwarder} of review-service, with its timeout, body limit and the secret of
 * the internal endpoints.
 */
@Component
class ReviewForwarder extends RequestForwarder {

  ReviewForwarder(ReviewSettings settings, Environment environment) {
    // The owner's worst case: a decision on the same contribution (the lock), Kafka's
    // acknowledgement, and waits for a view: the revision, the call, its own write (three), plus
    // one for a new owner's catch-up of a partition that just moved to it (review finding 1.3),
    // counted ahead. The forwarder waits RequestForwarder.MARGIN more before it answers 504.
    super(
        settings
            .lockTimeout()
            .plus(settings.sendTimeout())
            .plus(settings.viewTimeout().multipliedBy(4)),
        new BodyLimit(settings.maxRequestBody().toBytes()));
    // platform-security's setting, read by name: only CurrentActor depends on platform-security.
    internalSecret(environment.getProperty("ungis.security.internal.secret"));
  }
}
