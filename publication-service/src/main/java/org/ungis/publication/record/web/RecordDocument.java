package org.ungis.publication.record.web;

import java.time.Instant;
import java.util.List;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;

/** The JSON form of a published record edition. */
record RecordDocument(
    String processId,
    int edition,
    boolean finalEdition,
    Instant publishedAt,
    Call call,
    int entryCount,
    List<EntryDocument> entries,
    Coverage coverage) {

  record Call(String title, String description, Instant deadline) {}

  record EntryDocument(
      String contributionId,
      String agency,
      String agencyName,
      int revision,
      Instant submittedAt,
      Instant approvedAt,
      String title,
      String summary,
      String body,
      String language,
      List<Integer> sdgs,
      List<String> actionLines,
      List<String> links) {}

  static RecordDocument of(PublishedRecord record) {
    Edition edition = record.edition();
    return new RecordDocument(
        edition.processId(),
        edition.number(),
        edition.finalEdition(),
        edition.publishedAt(),
        new Call(edition.call().title(), edition.call().description(), edition.call().deadline()),
        record.entries().size(),
        record.entries().stream().map(RecordDocument::entry).toList(),
        Coverage.of(record.entries()));
  }

  private static EntryDocument entry(Entry entry) {
    return new EntryDocument(
        entry.contributionId(),
        entry.agency(),
        entry.agencyName(),
        entry.revision(),
        entry.submittedAt(),
        entry.approvedAt(),
        entry.content().title(),
        entry.content().summary(),
        entry.content().body(),
        entry.content().language(),
        entry.content().sdgs(),
        entry.content().actionLines(),
        entry.content().links());
  }
}
