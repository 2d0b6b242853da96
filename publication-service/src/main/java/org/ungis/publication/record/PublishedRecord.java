package org.ungis.publication.record;

import java.util.List;
import java.util.Objects;

/**
 * An edition with the texts of its entries, as it is read.
 *
 * @param edition the edition
 * @param entries its entries' texts, in the edition's order
 */
public record PublishedRecord(Edition edition, List<Entry> entries) {

  public PublishedRecord {
    Objects.requireNonNull(edition, "edition");
    entries = List.copyOf(entries);
  }
}
