package org.ungis.publication.record.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.reference.Goals;
import org.ungis.reference.Member;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;

/**
 * A published edition as the document the secretariat issues, in one language: what every format
 * (HTML, PDF, Markdown, Word) shows, in the order it shows it. Every text that comes from an agency
 * or the chair is {@link Texts#clean cleaned} here, once; each renderer escapes it for its format.
 *
 * @param processId the call for inputs
 * @param symbol the document symbol, with {@code /Corr.n} for a corrigendum (may be empty)
 * @param title the call's title
 * @param description the call's description, by paragraph
 * @param edition the edition number
 * @param finalEdition whether the call was closed
 * @param corrigendum 0, or n for {@code Corr.n}
 * @param publishedAt when the edition was published
 * @param deadline the call's deadline
 * @param labels the labels, in the document's language
 * @param chairs the chairs of the call's period on the rota, as "full name (CODE)"
 * @param viceChairs its vice-chairs
 * @param introduction the chair's introduction, by paragraph
 * @param conclusion the chair's conclusion, by paragraph
 * @param corrections for a corrigendum, one line per change, in the document's language
 * @param agencies the inputs grouped by agency, in the published order
 * @param sdgs the annex's SDG rows (only the goals addressed)
 * @param actionLines the annex's action line rows (only the lines addressed)
 */
record JointInput(
    String processId,
    String symbol,
    String title,
    List<String> description,
    int edition,
    boolean finalEdition,
    int corrigendum,
    Instant publishedAt,
    Instant deadline,
    Labels labels,
    List<String> chairs,
    List<String> viceChairs,
    List<String> introduction,
    List<String> conclusion,
    List<String> corrections,
    List<AgencyInputs> agencies,
    List<AnnexRow> sdgs,
    List<AnnexRow> actionLines) {

  /** The inputs of one agency. */
  record AgencyInputs(String code, String name, String anchor, List<Input> inputs) {}

  /** One input, with its language and direction. */
  record Input(
      String anchor,
      String contributionId,
      String title,
      String summary,
      List<String> paragraphs,
      String language,
      String languageName,
      String dir,
      List<Named> sdgs,
      List<Named> actionLines,
      List<String> links,
      int revision,
      Instant submittedAt,
      Instant approvedAt,
      List<Approver> approvals) {}

  /** A goal or an action line: its code and full name in the document's language. */
  record Named(String code, String name) {}

  /** Who approved an input: the person, the agency (code and name), when. */
  record Approver(String person, String agency, String agencyName, Instant at) {}

  /** A row of the annex: a goal or an action line and the agencies that address it. */
  record AnnexRow(String code, String name, List<String> agencies) {}

  /** One line of the table of contents. */
  record TocLine(int level, String anchor, String text) {}

  /** The document of an edition in a language (AR, ZH, EN, FR, RU, ES; unknown = English). */
  static JointInput of(PublishedRecord record, Roster roster, Goals goals, String language) {
    Edition edition = record.edition();
    Labels labels = Labels.of(language);
    String code = labels.language();
    String symbol = Texts.oneLine(edition.call().symbol());
    if (edition.corrigendum() > 0 && !symbol.isEmpty()) {
      symbol = symbol + "/Corr." + edition.corrigendum();
    }
    Optional<Period> period = roster.periodAt(edition.call().deadline());
    List<AgencyInputs> agencies = new ArrayList<>();
    List<Input> current = null;
    String agency = null;
    for (Entry entry : record.entries()) {
      if (!entry.agency().equals(agency)) {
        agency = entry.agency();
        current = new ArrayList<>();
        agencies.add(
            new AgencyInputs(
                Texts.oneLine(agency),
                Texts.oneLine(agencyName(entry, roster)),
                "agency-" + anchor(agency),
                current));
      }
      current.add(input(entry, roster, goals, labels, code));
    }
    agencies =
        agencies.stream()
            .map(a -> new AgencyInputs(a.code(), a.name(), a.anchor(), List.copyOf(a.inputs())))
            .toList();
    Coverage coverage = Coverage.of(record.entries());
    return new JointInput(
        edition.processId(),
        symbol,
        Texts.oneLine(edition.call().title()),
        Texts.paragraphs(edition.call().description()),
        edition.number(),
        edition.finalEdition(),
        edition.corrigendum(),
        edition.publishedAt(),
        edition.call().deadline(),
        labels,
        period.map(p -> names(p.chairs(), roster)).orElse(List.of()),
        period.map(p -> names(p.viceChairs(), roster)).orElse(List.of()),
        Texts.paragraphs(edition.call().introduction()),
        Texts.paragraphs(edition.call().conclusion()),
        edition.corrections().stream().map(c -> line(c, labels, roster)).toList(),
        agencies,
        rows(coverage.sdgs(), n -> goals.sdg(n, code), n -> String.valueOf(n)),
        rows(coverage.actionLines(), l -> goals.actionLine(l, code), l -> l));
  }

  /** The language of the document's labels. */
  String language() {
    return labels.language();
  }

  /** The document's heading: "Edition 3", "Final edition" or "Corrigendum 1". */
  String editionLine() {
    String number = labels.format("edition", Map.of("n", String.valueOf(edition)));
    if (corrigendum > 0) {
      return number
          + " · "
          + labels.format("corrigendum", Map.of("n", String.valueOf(corrigendum)));
    }
    return number + " · " + labels.get(finalEdition ? "final" : "interim");
  }

  /** The number of inputs. */
  int inputCount() {
    return agencies.stream().mapToInt(a -> a.inputs().size()).sum();
  }

  /** The table of contents: introduction, each agency and its inputs, conclusion, annex. */
  List<TocLine> toc() {
    List<TocLine> lines = new ArrayList<>();
    if (!corrections.isEmpty()) {
      lines.add(
          new TocLine(
              1,
              "corrigendum",
              labels.format("corrigendum", Map.of("n", String.valueOf(corrigendum)))));
    }
    if (!introduction.isEmpty()) {
      lines.add(new TocLine(1, "introduction", labels.get("introduction")));
    }
    lines.add(new TocLine(1, "inputs", labels.get("inputs")));
    for (AgencyInputs agency : agencies) {
      lines.add(new TocLine(2, agency.anchor(), agency.name()));
      for (Input input : agency.inputs()) {
        lines.add(new TocLine(3, input.anchor(), input.title()));
      }
    }
    if (!conclusion.isEmpty()) {
      lines.add(new TocLine(1, "conclusion", labels.get("conclusion")));
    }
    lines.add(new TocLine(1, "annex", labels.get("annex")));
    return lines;
  }

  private static Input input(Entry entry, Roster roster, Goals goals, Labels labels, String code) {
    var content = entry.content();
    return new Input(
        "input-" + anchor(entry.contributionId()),
        entry.contributionId(),
        Texts.oneLine(content.title()),
        Texts.clean(content.summary()).strip(),
        Texts.paragraphs(content.body()),
        content.language(),
        labels.languageName(content.language()),
        Labels.dir(content.language()),
        content.sdgs().stream().map(n -> new Named(String.valueOf(n), goals.sdg(n, code))).toList(),
        content.actionLines().stream().map(l -> new Named(l, goals.actionLine(l, code))).toList(),
        content.links().stream().map(Texts::oneLine).toList(),
        entry.revision(),
        entry.submittedAt(),
        entry.approvedAt(),
        entry.approvals().stream().map(a -> approver(a, roster)).toList());
  }

  private static Approver approver(Approval approval, Roster roster) {
    return new Approver(
        Texts.oneLine(approval.principal()),
        Texts.oneLine(approval.agency()),
        roster.member(approval.agency()).map(Member::name).orElse(""),
        approval.at());
  }

  private static String line(Correction c, Labels labels, Roster roster) {
    String key =
        switch (c.kind()) {
          case WITHDRAWN -> "corrWithdrawn";
          case ADDED -> "corrAdded";
          case REVISED -> "corrRevised";
          case FRAMING -> "corrFraming";
        };
    String agency =
        roster.member(c.agency()).map(m -> m.name() + " (" + m.code() + ")").orElse(c.agency());
    return labels.format(
        key,
        Map.of(
            "title",
            Texts.oneLine(c.title().isBlank() ? c.contributionId() : c.title()),
            "agency",
            Texts.oneLine(agency),
            "date",
            labels.date(c.at())));
  }

  private static <K> List<AnnexRow> rows(
      Map<K, SortedSet<String>> coverage,
      java.util.function.Function<K, String> name,
      java.util.function.Function<K, String> code) {
    return coverage.entrySet().stream()
        .map(
            e ->
                new AnnexRow(
                    code.apply(e.getKey()),
                    name.apply(e.getKey()),
                    e.getValue().stream().map(Texts::oneLine).toList()))
        .toList();
  }

  private static List<String> names(java.util.Set<String> codes, Roster roster) {
    return codes.stream()
        .sorted()
        .map(c -> roster.member(c).map(m -> m.name() + " (" + c + ")").orElse(c))
        .toList();
  }

  private static String agencyName(Entry entry, Roster roster) {
    String name =
        entry.agencyName().isBlank()
            ? roster.member(entry.agency()).map(Member::name).orElse("")
            : entry.agencyName();
    return name.isBlank() ? entry.agency() : name + " (" + entry.agency() + ")";
  }

  /** An id usable as an HTML anchor and a Word bookmark: letters, digits and dashes only. */
  static String anchor(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '-');
    }
    return out.toString();
  }
}
