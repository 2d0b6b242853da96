package org.ungis.publication.record;

import java.time.Instant;

/**
 * One line of the list of published records.
 *
 * @param processId the call for inputs
 * @param title the call's title
 * @param edition latest edition
 * @param finalEdition whether it is final
 * @param entryCount entries in the latest edition
 * @param publishedAt when the latest edition was published
 */
public record RecordSummary(
    String processId,
    String title,
    int edition,
    boolean finalEdition,
    int entryCount,
    Instant publishedAt) {}
