package org.ungis.publication.record.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.ungis.publication.record.Publication;

/**
 * The business counters of the publisher (Prometheus: {@code ungis_records_*_total}).
 *
 * <p>They are incremented where the publisher hands an edition to the Kafka Streams producer,
 * inside the task's exactly-once transaction, not after its commit (Kafka Streams offers a
 * processor no commit callback). An edition is therefore counted <em>at least</em> once by the
 * instance that produced it: if its transaction aborts (the task migrates, the producer is fenced,
 * the instance dies before the commit) and the edition is produced again, the second production
 * counts it again (in this process, or in the one that takes over the task). The topic itself holds
 * each edition exactly once. Counters start at zero with the process, as Prometheus counters do.
 */
final class PublicationMetrics {

  static final String EDITIONS = "ungis.records.editions.published";
  static final String ENTRIES_PUBLISHED = "ungis.records.entries.published";
  static final String ENTRIES_REMOVED = "ungis.records.entries.removed";

  private final MeterRegistry meters;

  PublicationMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  /** Counters kept in memory only (topology tests, tools). */
  static PublicationMetrics inMemory() {
    return new PublicationMetrics(new SimpleMeterRegistry());
  }

  MeterRegistry registry() {
    return meters;
  }

  /** One edition, with the entry texts and tombstones sent with it, was handed to the producer. */
  void published(Publication publication) {
    String process = publication.edition().processId();
    meters
        .counter(
            EDITIONS,
            "process",
            process,
            "final",
            Boolean.toString(publication.edition().finalEdition()))
        .increment();
    if (!publication.added().isEmpty()) {
      meters.counter(ENTRIES_PUBLISHED, "process", process).increment(publication.added().size());
    }
    if (!publication.removed().isEmpty()) {
      meters.counter(ENTRIES_REMOVED, "process", process).increment(publication.removed().size());
    }
  }
}
