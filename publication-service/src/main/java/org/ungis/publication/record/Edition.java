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
 */
public record Edition(
    String processId,
    int number,
    boolean finalEdition,
    CallInfo call,
    Instant publishedAt,
    List<EntryRef> entries) {

  public Edition {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(call, "call");
    Objects.requireNonNull(publishedAt, "publishedAt");
    if (number < 1) {
      throw new IllegalArgumentException("edition numbers start at 1: " + number);
    }
    entries = List.copyOf(entries);
  }
}
