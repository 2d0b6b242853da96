package org.ungis.benchmarks;

import java.time.Instant;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;

/**
 * Who decides at an instant: the period's first chair, and its first vice-chair for the chair's own
 * agency's inputs (recusal).
 */
record Reviewers(String chair, String viceChair) {

  static Reviewers at(Roster roster, Instant instant) {
    Period period =
        roster
            .periodAt(instant)
            .orElseThrow(() -> new IllegalStateException("no rota period contains " + instant));
    return new Reviewers(
        period.chairs().stream().sorted().findFirst().orElseThrow(),
        period.viceChairs().stream().sorted().findFirst().orElseThrow());
  }
}
