package org.ungis.publication.record;

import java.time.Instant;
import java.util.Objects;

/**
 * One approving decision of the review round that put an entry in the record.
 *
 * @param agency the reviewer's agency
 * @param principal the person (or client) who approved
 * @param at when
 */
public record Approval(String agency, String principal, Instant at) {

  public Approval {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(at, "at");
    principal = principal == null ? "" : principal;
  }
}
