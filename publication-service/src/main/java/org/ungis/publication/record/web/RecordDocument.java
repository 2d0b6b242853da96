package org.ungis.publication.record.web;

import java.time.Instant;
import java.util.List;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;

/**
 * The JSON form of a published record edition: the record as published (call, entries, coverage by
 * code) and the document built from it in its language (symbol, rota, framing, corrigendum lines,
 * table of contents, annex with full names).
 */
record RecordDocument(
    String processId,
    String symbol,
    int edition,
    boolean finalEdition,
    int corrigendum,
    List<CorrectionDocument> corrections,
    Instant publishedAt,
    String language,
    Call call,
    Rota rota,
    Framing framing,
    int entryCount,
    List<EntryDocument> entries,
    Coverage coverage,
    List<Contents> contents,
    Annex annex) {

  record Call(String title, String description, Instant deadline) {}

  /** The chairs and vice-chairs of the call's period, as "full name (CODE)". */
  record Rota(List<String> chairs, List<String> viceChairs) {}

  /** The chair's introduction and conclusion, by paragraph. */
  record Framing(List<String> introduction, List<String> conclusion) {}

  /** One change of a corrigendum: what, whose, when, and the line that says it. */
  record CorrectionDocument(
      String kind,
      String agency,
      String contributionId,
      String title,
      Instant occurredAt,
      String text) {}

  record Contents(int level, String anchor, String text) {}

  record Annex(List<JointInput.AnnexRow> sdgs, List<JointInput.AnnexRow> actionLines) {}

  record ApprovalDocument(String person, String agency, String agencyName, Instant approvedAt) {}

  record EntryDocument(
      String contributionId,
      String agency,
      String agencyName,
      int revision,
      Instant submittedAt,
      Instant approvedAt,
      List<ApprovalDocument> approvals,
      String title,
      String summary,
      String body,
      String language,
      String direction,
      List<Integer> sdgs,
      List<String> actionLines,
      List<String> links) {}

  static RecordDocument of(PublishedRecord record, JointInput doc) {
    Edition edition = record.edition();
    List<Correction> corrections = edition.corrections();
    return new RecordDocument(
        edition.processId(),
        doc.symbol(),
        edition.number(),
        edition.finalEdition(),
        edition.corrigendum(),
        java.util.stream.IntStream.range(0, corrections.size())
            .mapToObj(
                i -> {
                  Correction c = corrections.get(i);
                  return new CorrectionDocument(
                      c.kind().name(),
                      c.agency(),
                      c.contributionId(),
                      c.title(),
                      c.at(),
                      doc.corrections().get(i));
                })
            .toList(),
        edition.publishedAt(),
        doc.language(),
        new Call(edition.call().title(), edition.call().description(), edition.call().deadline()),
        new Rota(doc.chairs(), doc.viceChairs()),
        new Framing(doc.introduction(), doc.conclusion()),
        record.entries().size(),
        entries(record.entries(), doc),
        Coverage.of(record.entries()),
        doc.toc().stream().map(t -> new Contents(t.level(), t.anchor(), t.text())).toList(),
        new Annex(doc.sdgs(), doc.actionLines()));
  }

  private static List<EntryDocument> entries(List<Entry> entries, JointInput doc) {
    List<JointInput.Input> inputs =
        doc.agencies().stream().flatMap(a -> a.inputs().stream()).toList();
    return java.util.stream.IntStream.range(0, entries.size())
        .mapToObj(i -> entry(entries.get(i), inputs.get(i)))
        .toList();
  }

  private static EntryDocument entry(Entry entry, JointInput.Input input) {
    return new EntryDocument(
        entry.contributionId(),
        entry.agency(),
        entry.agencyName(),
        entry.revision(),
        entry.submittedAt(),
        entry.approvedAt(),
        input.approvals().stream()
            .map(a -> new ApprovalDocument(a.person(), a.agency(), a.agencyName(), a.at()))
            .toList(),
        entry.content().title(),
        entry.content().summary(),
        entry.content().body(),
        entry.content().language(),
        input.dir(),
        entry.content().sdgs(),
        entry.content().actionLines(),
        entry.content().links());
  }
}
