package org.ungis.reference;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * One period of the rota, a half-open interval {@code [from, until)}.
 *
 * @param from first instant of the period
 * @param until first instant after the period
 * @param chairs member codes of the chair (or co-chairs)
 * @param viceChairs member codes of the vice-chairs
 */
public record Period(Instant from, Instant until, Set<String> chairs, Set<String> viceChairs) {

  public Period {
    if (!from.isBefore(until)) {
      throw new IllegalArgumentException("period must end after it starts: " + from + " " + until);
    }
    chairs = Set.copyOf(chairs);
    viceChairs = Set.copyOf(viceChairs);
  }

  public boolean contains(Instant instant) {
    return !instant.isBefore(from) && instant.isBefore(until);
  }

  /** The role of an agency in this period, if it sits on the rota. */
  public Optional<ReviewerRole> roleOf(String agency) {
    if (chairs.contains(agency)) {
      return Optional.of(ReviewerRole.CHAIR);
    }
    if (viceChairs.contains(agency)) {
      return Optional.of(ReviewerRole.VICE_CHAIR);
    }
    return Optional.empty();
  }
}
