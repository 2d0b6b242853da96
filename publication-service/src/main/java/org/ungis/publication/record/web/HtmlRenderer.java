package org.ungis.publication.record.web;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.publication.record.RecordSummary;

/**
 * A published record as a self-contained, readable HTML document (inline CSS, no script, no
 * external resource). Every text that comes from a contribution or a call is escaped; links are
 * rendered only when they are absolute http(s) URLs.
 */
final class HtmlRenderer {

  private static final String STYLE =
      """
      body{font-family:Georgia,'Times New Roman',serif;max-width:52rem;margin:2rem auto;\
      padding:0 1rem;color:#1d1d1f;line-height:1.55}
      header{border-bottom:3px solid #009edb;margin-bottom:1.5rem}
      h1{font-size:1.8rem;margin:.2rem 0}h2{font-size:1.35rem;margin-top:2.2rem;color:#00558c}
      h3{font-size:1.15rem;margin:.2rem 0}
      .meta{color:#555;font-size:.95rem}.badge{display:inline-block;padding:.1rem .5rem;\
      border-radius:.3rem;font-size:.85rem;font-family:sans-serif}
      .final{background:#1b7f3b;color:#fff}.interim{background:#f0b400;color:#222}
      article{border-top:1px solid #ddd;padding-top:1rem;margin-top:1.5rem}
      .agency{font-family:sans-serif;font-size:.9rem;color:#00558c;text-transform:uppercase;\
      letter-spacing:.04em}
      .summary{font-style:italic}dl{display:grid;grid-template-columns:max-content 1fr;\
      gap:.2rem 1rem;font-size:.92rem;font-family:sans-serif}dt{color:#555}
      table{border-collapse:collapse;width:100%;font-family:sans-serif;font-size:.9rem}
      th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
      th{background:#f2f6f9}
      """;

  private HtmlRenderer() {}

  /** The list of published records, each linking to its latest edition. */
  static String index(List<RecordSummary> records) {
    StringBuilder html = new StringBuilder(2_048 + records.size() * 256);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>UNGIS joint inputs</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n<h1>UNGIS joint inputs</h1>\n")
        .append("<p class=\"meta\">Published records of the calls for inputs</p>\n</header>\n")
        .append("<table>\n<thead><tr><th>Call</th><th>Edition</th><th>Inputs</th>")
        .append("<th>Published</th></tr></thead>\n<tbody>\n");
    if (records.isEmpty()) {
      html.append("<tr><td colspan=\"4\">No record has been published yet.</td></tr>\n");
    }
    for (RecordSummary record : records) {
      html.append("<tr><td><a href=\"records/")
          .append(escape(record.processId()))
          .append("\">")
          .append(escape(record.title()))
          .append("</a><br><span class=\"meta\">")
          .append(escape(record.processId()))
          .append("</span></td><td>")
          .append(record.edition())
          .append(record.finalEdition() ? " (final)" : "")
          .append("</td><td>")
          .append(record.entryCount())
          .append("</td><td>")
          .append(Texts.when(record.publishedAt()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</body>\n</html>\n");
    return html.toString();
  }

  static String render(PublishedRecord record) {
    Edition edition = record.edition();
    StringBuilder html = new StringBuilder(8_192 + record.entries().size() * 4_096);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape(edition.call().title()))
        .append(" — edition ")
        .append(edition.number())
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n")
        .append("<p class=\"meta\">UNGIS joint input · ")
        .append(escape(edition.processId()))
        .append("</p>\n<h1>")
        .append(escape(edition.call().title()))
        .append("</h1>\n<p class=\"meta\">Edition ")
        .append(edition.number())
        .append(", published ")
        .append(Texts.when(edition.publishedAt()))
        .append(" · ")
        .append(
            edition.finalEdition()
                ? "<span class=\"badge final\">Final edition</span>"
                : "<span class=\"badge interim\">Interim edition: the call is open</span>")
        .append("</p>\n<p class=\"meta\">Deadline for inputs: ")
        .append(Texts.when(edition.call().deadline()))
        .append(" · ")
        .append(record.entries().size())
        .append(record.entries().size() == 1 ? " input" : " inputs")
        .append("</p>\n");
    for (String paragraph : Texts.paragraphs(edition.call().description())) {
      html.append("<p>").append(lines(paragraph)).append("</p>\n");
    }
    html.append("</header>\n<main>\n");
    String agency = null;
    for (Entry entry : record.entries()) {
      if (!entry.agency().equals(agency)) {
        agency = entry.agency();
        html.append("<h2 id=\"")
            .append(escape(agency))
            .append("\">")
            .append(escape(agencyName(entry)))
            .append("</h2>\n");
      }
      entry(html, entry);
    }
    if (record.entries().isEmpty()) {
      html.append("<p>No input has been approved yet.</p>\n");
    }
    coverage(html, Coverage.of(record.entries()));
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void entry(StringBuilder html, Entry entry) {
    html.append("<article id=\"")
        .append(escape(entry.contributionId()))
        .append("\">\n<p class=\"agency\">")
        .append(escape(entry.agency()))
        .append("</p>\n<h3>")
        .append(escape(entry.content().title()))
        .append("</h3>\n");
    if (!entry.content().summary().isBlank()) {
      html.append("<p class=\"summary\">")
          .append(lines(entry.content().summary()))
          .append("</p>\n");
    }
    for (String paragraph : Texts.paragraphs(entry.content().body())) {
      html.append("<p>").append(lines(paragraph)).append("</p>\n");
    }
    html.append("<dl>\n<dt>Language</dt><dd>")
        .append(escape(Texts.language(entry.content().language())))
        .append("</dd>\n<dt>SDGs</dt><dd>")
        .append(
            entry.content().sdgs().isEmpty()
                ? "—"
                : escape(
                    String.join(
                        ", ", entry.content().sdgs().stream().map(n -> "SDG " + n).toList())))
        .append("</dd>\n<dt>WSIS action lines</dt><dd>")
        .append(
            entry.content().actionLines().isEmpty()
                ? "—"
                : escape(String.join(", ", entry.content().actionLines())))
        .append("</dd>\n");
    if (!entry.content().links().isEmpty()) {
      html.append("<dt>Links</dt><dd>");
      List<String> links = entry.content().links();
      for (int i = 0; i < links.size(); i++) {
        if (i > 0) {
          html.append("<br>");
        }
        String link = links.get(i);
        if (Texts.isWebLink(link)) {
          html.append("<a href=\"")
              .append(escape(link))
              .append("\" rel=\"noopener noreferrer nofollow\">")
              .append(escape(link))
              .append("</a>");
        } else {
          html.append(escape(link));
        }
      }
      html.append("</dd>\n");
    }
    html.append("<dt>Revision</dt><dd>")
        .append(entry.revision())
        .append(", approved ")
        .append(Texts.when(entry.approvedAt()))
        .append("</dd>\n</dl>\n</article>\n");
  }

  private static void coverage(StringBuilder html, Coverage coverage) {
    html.append("<h2 id=\"coverage\">Coverage</h2>\n");
    table(html, "Sustainable Development Goal", coverage.sdgs(), "SDG ");
    table(html, "WSIS action line", coverage.actionLines(), "");
  }

  private static <K> void table(
      StringBuilder html, String heading, Map<K, SortedSet<String>> rows, String prefix) {
    html.append("<table>\n<thead><tr><th>")
        .append(escape(heading))
        .append("</th><th>Addressed by</th></tr></thead>\n<tbody>\n");
    if (rows.isEmpty()) {
      html.append("<tr><td colspan=\"2\">none</td></tr>\n");
    }
    rows.forEach(
        (key, agencies) ->
            html.append("<tr><td>")
                .append(escape(prefix + key))
                .append("</td><td>")
                .append(escape(String.join(", ", agencies)))
                .append("</td></tr>\n"));
    html.append("</tbody>\n</table>\n");
  }

  private static String agencyName(Entry entry) {
    return entry.agencyName().isBlank()
        ? entry.agency()
        : entry.agencyName() + " (" + entry.agency() + ")";
  }

  /** Escaped text whose single line breaks become {@code <br>}. */
  private static String lines(String text) {
    return escape(text.strip()).replace("\n", "<br>\n");
  }

  /** Escapes text for element content and quoted attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
