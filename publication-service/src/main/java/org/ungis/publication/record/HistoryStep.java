package org.ungis.publication.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How one edition differs from the one before, as kept for reading past editions. Every {@link
 * #SNAPSHOT_EVERY}th edition (and the first) also carries its complete list, so that any edition is
 * rebuilt from at most that many steps while the history of a record of n editions takes space
 * proportional to n, not n squared.
 *
 * @param number the edition
 * @param finalEdition whether it was final
 * @param call the call as this edition showed it
 * @param publishedAt when it was published
 * @param added entries added (or replaced by a newer revision)
 * @param removed contribution ids removed
 * @param snapshot all entries of the edition in published order, or null
 * @param corrigendum the edition's corrigendum number, 0 if none
 * @param corrections what the corrigendum changed
 */
public record HistoryStep(
    int number,
    boolean finalEdition,
    CallInfo call,
    Instant publishedAt,
    List<EntryRef> added,
    List<String> removed,
    List<EntryRef> snapshot,
    int corrigendum,
    List<Correction> corrections) {

  /** Distance between two editions that carry their complete list. */
  public static final int SNAPSHOT_EVERY = 50;

  public HistoryStep {
    Objects.requireNonNull(call, "call");
    added = added == null ? List.of() : List.copyOf(added);
    removed = removed == null ? List.of() : List.copyOf(removed);
    snapshot = snapshot == null ? null : List.copyOf(snapshot);
    corrections = corrections == null ? List.of() : List.copyOf(corrections);
  }

  /** The step that records a publication. */
  public static HistoryStep of(Publication publication) {
    Edition edition = publication.edition();
    boolean full = edition.number() == 1 || edition.number() % SNAPSHOT_EVERY == 0;
    return new HistoryStep(
        edition.number(),
        edition.finalEdition(),
        edition.call(),
        edition.publishedAt(),
        publication.added(),
        publication.removed(),
        full ? edition.entries() : null,
        edition.corrigendum(),
        edition.corrections());
  }

  public boolean hasSnapshot() {
    return snapshot != null;
  }
}
