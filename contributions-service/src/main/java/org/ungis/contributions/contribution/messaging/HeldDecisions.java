package org.ungis.contributions.contribution.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.RefusedDecision;
import org.ungis.contributions.contribution.Review;
import org.ungis.streams.HeldRecord;

/**
 * The decisions read before the view has what they are about, by contribution id, in the order they
 * were read. The reviews topic and the contributions topic are two partitions of one task, and the
 * stream thread may read a decision before the contribution (or its revision) that review-service
 * saw before deciding; such a decision waits here and is applied when the contribution event that
 * it needs is folded. A decision behind one that waits waits too, so that they apply in order.
 */
final class HeldDecisions {

  /** At most this many decisions wait for one contribution; a further one is a dead letter. */
  static final int MAX_PER_CONTRIBUTION = 100;

  private static final Logger log = LoggerFactory.getLogger(HeldDecisions.class);

  /**
   * A decision that waits: a recorded decision or a refused one, the revision it is about, when it
   * was held (wall clock, millis) and the record it was read from.
   */
  record Held(
      Review decision, RefusedDecision refusal, int revision, long heldAt, HeldRecord source) {}

  /** The stored value: the decisions that wait for one contribution, oldest first. */
  record Waiting(List<Held> decisions) {
    Waiting {
      decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
  }

  private final IndexedContributions contributions;
  private final KeyValueStore<String, Waiting> waiting;

  HeldDecisions(IndexedContributions contributions, KeyValueStore<String, Waiting> waiting) {
    this.contributions = contributions;
    this.waiting = waiting;
  }

  /**
   * Whether a decision on {@code revision} of contribution {@code id} must wait: the view does not
   * have that contribution or revision yet, or an earlier decision on it waits.
   */
  boolean mustWait(String id, Contribution contribution, int revision) {
    return contribution == null || !contribution.hasRevision(revision) || waiting.get(id) != null;
  }

  /** Holds a decision; refuses (throws) beyond {@link #MAX_PER_CONTRIBUTION}. */
  void hold(String id, Held decision) {
    Waiting known = waiting.get(id);
    List<Held> decisions = new ArrayList<>(known == null ? List.of() : known.decisions());
    if (decisions.size() >= MAX_PER_CONTRIBUTION) {
      throw new IllegalStateException(
          MAX_PER_CONTRIBUTION + " decisions already wait for contribution " + id);
    }
    decisions.add(decision);
    waiting.put(id, new Waiting(decisions));
  }

  /**
   * Applies to {@code contribution}, in order, the decisions that waited for what it now has, up to
   * the first that still waits; the caller stores the contribution.
   */
  void release(Contribution contribution) {
    Waiting known = waiting.get(contribution.id());
    if (known == null) {
      return;
    }
    List<Held> rest = new ArrayList<>(known.decisions());
    while (!rest.isEmpty() && contribution.hasRevision(rest.get(0).revision())) {
      apply(contribution, rest.remove(0));
    }
    if (rest.isEmpty()) {
      waiting.delete(contribution.id());
    } else if (rest.size() < known.decisions().size()) {
      waiting.put(contribution.id(), new Waiting(rest));
    }
  }

  /**
   * Gives up the decisions held since before {@code heldBefore}: a recorded decision goes to {@code
   * deadLetter} with the reason, a refused one is dropped (review-service keeps its own audit, as
   * for a refusal on a contribution this view never knows); the decisions behind them that the view
   * can now apply are applied.
   */
  void expire(long heldBefore, BiConsumer<HeldRecord, Exception> deadLetter) {
    List<KeyValue<String, Waiting>> all = new ArrayList<>();
    try (KeyValueIterator<String, Waiting> it = waiting.all()) {
      it.forEachRemaining(all::add);
    }
    for (KeyValue<String, Waiting> entry : all) {
      String id = entry.key;
      List<Held> expired =
          entry.value.decisions().stream().filter(h -> h.heldAt() < heldBefore).toList();
      if (expired.isEmpty()) {
        continue;
      }
      Contribution.State stored = contributions.get(id);
      for (Held held : expired) {
        if (held.decision() == null) {
          log.info("Dropping a refused decision held too long for contribution {}", id);
          continue;
        }
        deadLetter.accept(
            held.source(),
            new IllegalStateException(
                stored == null
                    ? "a decision on unknown contribution " + id
                    : "a decision on revision "
                        + held.revision()
                        + " of contribution "
                        + id
                        + ", which is at revision "
                        + stored.revision()));
      }
      List<Held> rest =
          entry.value.decisions().stream().filter(h -> h.heldAt() >= heldBefore).toList();
      if (rest.isEmpty()) {
        waiting.delete(id);
      } else {
        waiting.put(id, new Waiting(rest));
      }
      if (stored != null) {
        Contribution contribution = Contribution.restore(stored);
        release(contribution);
        contributions.put(stored, contribution.state());
      }
    }
  }

  /** Applies one decision, whether held or not. */
  static void apply(Contribution contribution, Held decision) {
    if (decision.decision() != null) {
      contribution.applyDecision(decision.decision());
    } else {
      contribution.recordRefusedDecision(decision.refusal());
    }
  }
}
