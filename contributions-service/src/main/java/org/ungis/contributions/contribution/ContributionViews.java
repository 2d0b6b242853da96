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

  Page<Contribution> list(ContributionQuery query);

  /**
   * Waits, at most {@code timeout}, until the view has folded every contribution event that was in
   * the log when it last started or took over partitions (the writes of an earlier run, or of the
   * instance that owned them before); returns whether it has.
   */
  boolean awaitCaughtUp(Duration timeout);

  /** The submission an agency made earlier with an idempotency key, if any. */
  Optional<IdempotentRequest> idempotentRequest(String agency, String key);
}
