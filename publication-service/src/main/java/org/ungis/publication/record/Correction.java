package org.ungis.publication.record;

import java.time.Instant;
import java.util.Objects;

/**
 * One change that a corrigendum publishes: what changed after the final edition.
 *
 * @param kind what happened
 * @param agency the agency whose input changed, empty for the framing
 * @param contributionId the contribution, empty for the framing
 * @param title the title of the input concerned, may be empty
 * @param at when it happened
 */
public record Correction(
    Kind kind, String agency, String contributionId, String title, Instant at) {

  /** What a correction changes. */
  public enum Kind {
    /** An input was withdrawn and left the record. */
    WITHDRAWN,
    /** An input was approved after the final edition and entered the record. */
    ADDED,
    /** A newer revision of an input replaced the published one. */
    REVISED,
    /** The chair corrected the introduction or the conclusion. */
    FRAMING
  }

  public Correction {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    agency = agency == null ? "" : agency;
    contributionId = contributionId == null ? "" : contributionId;
    title = title == null ? "" : title;
  }
}
