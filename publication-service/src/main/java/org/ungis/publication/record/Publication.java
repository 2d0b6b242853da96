package org.ungis.publication.record;

import java.util.List;

/**
 * What one change to a record publishes: the new edition, the entries whose text must be (re)sent
 * and the contributions whose entry must be removed.
 *
 * @param edition the new edition
 * @param added entries new in this edition (all of them in a record's first edition)
 * @param removed contribution ids no longer in the record
 */
public record Publication(Edition edition, List<EntryRef> added, List<String> removed) {

  public Publication {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }
}
