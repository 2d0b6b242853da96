package org.ungis.publication.record;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a manifest lists for one entry: enough to order it and to find its text.
 *
 * @param contributionId the contribution
 * @param agency member code of the owning agency
 * @param revision the approved revision whose text is published
 * @param submittedAt first submission of the contribution
 */
public record EntryRef(String contributionId, String agency, int revision, Instant submittedAt) {

  /** The published order: agency code, then first submission, then contribution id. */
  public static final Comparator<EntryRef> PUBLISHED_ORDER =
      Comparator.comparing(EntryRef::agency)
          .thenComparing(EntryRef::submittedAt)
          .thenComparing(EntryRef::contributionId);

  public EntryRef {
    Objects.requireNonNull(contributionId, "contributionId");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(submittedAt, "submittedAt");
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be at least 1: " + revision);
    }
  }
}
