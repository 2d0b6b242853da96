package org.ungis.review.rules;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.ungis.reference.Period;
import org.ungis.reference.ReviewerRole;
import org.ungis.reference.Roster;

/**
 * The rules of who may review, read from the roster: the chair and vice-chairs of the period that
 * contains an instant.
 */
public final class Rota {

  private final Roster roster;

  public Rota(Roster roster) {
    this.roster = Objects.requireNonNull(roster, "roster");
  }

  public boolean isMember(String agency) {
    return roster.isMember(agency);
  }

  /** The role of an agency at an instant; empty when it is not on that period's rota. */
  public Optional<ReviewerRole> roleAt(String agency, Instant at) {
    return roster.roleAt(agency, at);
  }

  /** How many agencies sit on the rota at an instant (chairs and vice-chairs). */
  public int reviewingAgenciesAt(Instant at) {
    return roster.periodAt(at).map(p -> p.chairs().size() + p.viceChairs().size()).orElse(0);
  }

  /**
   * The role of the actor at an instant.
   *
   * @throws RuleViolation {@code FORBIDDEN/NOT_ON_ROTA} when the agency is not a chair or
   *     vice-chair of the period containing {@code at}
   */
  public ReviewerRole requireReviewer(Actor actor, Instant at) {
    return roleAt(actor.agency(), at)
        .orElseThrow(
            () ->
                RuleViolation.forbidden(
                    Reasons.NOT_ON_ROTA,
                    roster
                        .periodAt(at)
                        .map(p -> notOnRota(actor, p))
                        .orElse("no rota period contains " + at)));
  }

  /**
   * Requires the actor to be a chair (not a vice-chair) at an instant.
   *
   * @throws RuleViolation {@code FORBIDDEN/NOT_CHAIR} otherwise
   */
  public void requireChair(Actor actor, Instant at) {
    ReviewerRole role = requireReviewer(actor, at);
    if (role != ReviewerRole.CHAIR) {
      throw RuleViolation.forbidden(
          Reasons.NOT_CHAIR, actor.agency() + " is a vice-chair at " + at + "; only a chair may");
    }
  }

  private static String notOnRota(Actor actor, Period period) {
    return actor.agency()
        + " is not a chair or vice-chair of the period "
        + period.from()
        + " to "
        + period.until()
        + " (chairs "
        + new TreeSet<>(period.chairs())
        + ", vice-chairs "
        + new TreeSet<>(period.viceChairs())
        + ")";
  }
}
