package org.ungis.contributions.contribution;

import java.time.Duration;
import java.util.Optional;

/** Port: the materialized views (Kafka Streams state stores). */
public interface ContributionViews {

  Optional<Contribution> find(String id);

  /**
   * Waits, at most {@code timeout}, until the view of a contribution has folded in at least {@code
   * changes} contribution events; returns it, or empty if it did not get there in time.
   */
  Optional<Contribution> awaitChanges(String id, int changes, Duration timeout);

  /**
   * Waits, at most {@code timeout}, until the view has applied every change already written about a
   * contribution (after a restart or a rebalance it can be behind the topic for a moment: the
   * writes of an earlier run, or of the instance that owned its partition before); a read or a
   * write calls it before it reads the contribution. Refused as unavailable if it does not get
   * there in time.
   */
  default void awaitCaughtUp(String id, Duration timeout) {}

  /** As {@link #awaitCaughtUp(String, Duration)}, for every contribution: before a list. */
  default void awaitAllCaughtUp(Duration timeout) {}

  /**
   * Refuses ({@link Refusal#UNAVAILABLE}, 503: the client retries and reaches the new owner) unless
   * this instance still serves the contribution's partition. A change decided from the view is
   * checked with it under the contribution's lock right before it is published, so that an instance
   * that lost the partition while the request waited (a rebalance) does not publish a change
   * decided from a view the new owner has moved past. Always passes with one instance.
   */
  default void checkServedHere(String id) {}

  /**
   * Whether another instance serves the contribution now (its partition moved away): this
   * instance's view no longer folds its changes.
   */
  default boolean servedElsewhere(String id) {
    return false;
  }

  Page<Contribution> list(ContributionQuery query);

  /** The submission an agency made earlier with an idempotency key, if any. */
  Optional<IdempotentRequest> idempotentRequest(String agency, String key);
}
