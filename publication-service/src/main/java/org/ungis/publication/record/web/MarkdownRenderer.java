package org.ungis.publication.record.web;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.publication.record.RecordSummary;

/**
 * A published record as Markdown, mirroring the HTML document. Text from contributions is escaped
 * so that it reads as written and cannot inject markup (HTML tags, links, headings) into a page
 * that renders the Markdown.
 */
final class MarkdownRenderer {

  private MarkdownRenderer() {}

  /** The list of published records. */
  static String index(List<RecordSummary> records) {
    StringBuilder md = new StringBuilder(1_024 + records.size() * 128);
    md.append("# UNGIS joint inputs\n\n");
    if (records.isEmpty()) {
      return md.append("No record has been published yet.\n").toString();
    }
    md.append(
        "| Call | Process | Edition | Inputs | Published |\n| --- | --- | --- | --- | --- |\n");
    for (RecordSummary record : records) {
      md.append("| ")
          .append(inline(record.title()))
          .append(" | ")
          .append(inline(record.processId()))
          .append(" | ")
          .append(record.edition())
          .append(record.finalEdition() ? " (final)" : "")
          .append(" | ")
          .append(record.entryCount())
          .append(" | ")
          .append(Texts.when(record.publishedAt()))
          .append(" |\n");
    }
    return md.toString();
  }

  static String render(PublishedRecord record) {
    Edition edition = record.edition();
    StringBuilder md = new StringBuilder(4_096 + record.entries().size() * 4_096);
    md.append("# ").append(inline(edition.call().title())).append("\n\n");
    md.append("UNGIS joint input · `").append(edition.processId().replace("`", "")).append("`\n\n");
    md.append("- Edition: ")
        .append(edition.number())
        .append(edition.finalEdition() ? " (final)" : " (interim: the call is open)")
        .append("\n- Published: ")
        .append(Texts.when(edition.publishedAt()))
        .append("\n- Deadline for inputs: ")
        .append(Texts.when(edition.call().deadline()))
        .append("\n- Inputs: ")
        .append(record.entries().size())
        .append("\n\n");
    for (String paragraph : Texts.paragraphs(edition.call().description())) {
      md.append(block(paragraph)).append("\n\n");
    }
    String agency = null;
    for (Entry entry : record.entries()) {
      if (!entry.agency().equals(agency)) {
        agency = entry.agency();
        md.append("## ")
            .append(
                inline(
                    entry.agencyName().isBlank()
                        ? entry.agency()
                        : entry.agencyName() + " (" + entry.agency() + ")"))
            .append("\n\n");
      }
      entry(md, entry);
    }
    if (record.entries().isEmpty()) {
      md.append("No input has been approved yet.\n\n");
    }
    Coverage coverage = Coverage.of(record.entries());
    md.append("## Coverage\n\n");
    table(md, "Sustainable Development Goal", coverage.sdgs(), "SDG ");
    table(md, "WSIS action line", coverage.actionLines(), "");
    return md.toString();
  }

  private static void entry(StringBuilder md, Entry entry) {
    md.append("### ").append(inline(entry.content().title())).append("\n\n");
    if (!entry.content().summary().isBlank()) {
      md.append("*").append(inline(entry.content().summary().strip())).append("*\n\n");
    }
    for (String paragraph : Texts.paragraphs(entry.content().body())) {
      md.append(block(paragraph)).append("\n\n");
    }
    md.append("- Language: ").append(inline(Texts.language(entry.content().language())));
    md.append("\n- SDGs: ")
        .append(
            entry.content().sdgs().isEmpty()
                ? "none"
                : String.join(", ", entry.content().sdgs().stream().map(n -> "SDG " + n).toList()));
    md.append("\n- WSIS action lines: ")
        .append(
            entry.content().actionLines().isEmpty()
                ? "none"
                : inline(String.join(", ", entry.content().actionLines())));
    for (String link : entry.content().links()) {
      md.append("\n- Link: ")
          .append(
              Texts.isWebLink(link)
                  ? "<" + link.replace(">", "%3E").replace(" ", "%20") + ">"
                  : inline(link));
    }
    md.append("\n- Revision ")
        .append(entry.revision())
        .append(", approved ")
        .append(Texts.when(entry.approvedAt()))
        .append("\n\n");
  }

  private static <K> void table(
      StringBuilder md, String heading, Map<K, SortedSet<String>> rows, String prefix) {
    md.append("| ").append(heading).append(" | Addressed by |\n| --- | --- |\n");
    if (rows.isEmpty()) {
      md.append("| none | |\n");
    }
    rows.forEach(
        (key, agencies) ->
            md.append("| ")
                .append(inline(prefix + key))
                .append(" | ")
                .append(inline(String.join(", ", agencies)))
                .append(" |\n"));
    md.append("\n");
  }

  /** A paragraph: escaped, single line breaks kept as hard breaks. */
  private static String block(String paragraph) {
    return inline(paragraph.strip()).replace("\n", "  \n");
  }

  /**
   * Escapes Markdown's punctuation and HTML's angle brackets and ampersands so the text reads
   * literally in any CommonMark renderer.
   */
  static String inline(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '{', '}', '#', '|', '!' -> out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    // A line that starts like a list item, a quote or a heading must not become one.
    return out.toString()
        .replaceAll("(?m)^(\\s*)([-+=])(\\s)", "$1\\\\$2$3")
        .replaceAll("(?m)^(\\s*)(\\d+)\\.(\\s)", "$1$2\\\\.$3");
  }
}
