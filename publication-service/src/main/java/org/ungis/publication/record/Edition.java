package org.ungis.publication.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One numbered edition of a record: the call, and the entries in their published order (refs only;
 * the texts are kept per entry).
 *
 * @param processId the call for inputs
 * @param number 1, 2, 3... one per change to the record
 * @param finalEdition whether the call was closed when this edition was published
 * @param call the call's title, description and deadline
 * @param publishedAt when the change that made this edition happened
 * @param entries the entries, in {@link EntryRef#PUBLISHED_ORDER}
 * @param corrigendum 0 up to the final edition; n for the n-th edition after it ({@code Corr.n})
 * @param corrections for a corrigendum, what changed since the previous edition
 */
public record Edition(
    String processId,
    int number,
    boolean finalEdition,
    CallInfo call,
    Instant publishedAt,
    List<EntryRef> entries,
    int corrigendum,
    List<Correction> corrections) {

  /** An edition that is no corrigendum. */
  public Edition(
      String processId,
      int number,
      boolean finalEdition,
      CallInfo call,
      Instant publishedAt,
      List<EntryRef> entries) {
    this(processId, number, finalEdition, call, publishedAt, entries, 0, List.of());
  }

  public Edition {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (number < 1) {
      throw new IllegalArgumentException("edition numbers start at 1: " + number);
    }
    entries = List.copyOf(entries);
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
  }
}
