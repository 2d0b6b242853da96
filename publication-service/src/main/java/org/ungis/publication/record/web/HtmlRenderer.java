package org.ungis.publication.record.web;

import java.util.List;
import java.util.Map;
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

  /**
   * The document's own rules: its symbol, facts, table of contents, inputs, annex, and the print
   * stylesheet for A4 (also what the PDF renderer lays out).
   */
  private static final String DOCUMENT_STYLE =
      """
      body{font-family:'Noto Serif','Noto Naskh Arabic','Droid Sans Fallback',serif}
      .symbol{text-align:right;font-family:sans-serif;font-weight:bold;margin:0}
      [dir=rtl] .symbol{text-align:left}
      dl.facts{margin:.5rem 0}
      nav.toc ul{list-style:none;padding:0}nav.toc li.toc2{padding-left:1.5rem}
      nav.toc li.toc3{padding-left:3rem;font-size:.92rem}
      [dir=rtl] nav.toc li.toc2{padding-left:0;padding-right:1.5rem}
      [dir=rtl] nav.toc li.toc3{padding-left:0;padding-right:3rem}
      h4{font-size:1.1rem;margin:.2rem 0}caption{text-align:start;font-weight:bold;padding:.4rem 0}
      .corrigendum{border:2px solid #b00020;padding:.2rem 1rem;margin:1rem 0}
      .agency-inputs h3{color:#00558c}
      @page{size:A4;margin:20mm 18mm 22mm 18mm;      @bottom-center{content:counter(page) " / " counter(pages);font-size:9pt;\
      font-family:'Noto Serif','Noto Naskh Arabic','Droid Sans Fallback',serif}}
      @media print{body{max-width:none;margin:0;padding:0;font-size:11pt}      nav.toc a,a{color:#000;text-decoration:none}      h2,h3,h4{page-break-after:avoid}article{page-break-inside:avoid}      .annex{page-break-before:always}}
      """;

  private HtmlRenderer() {}

  /** The list of published records, each linking to its latest edition. */
  static String index(List<RecordSummary> records) {
    StringBuilder html = new StringBuilder(2_048 + records.size() * 256);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
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
          .append("</a><br/><span class=\"meta\">")
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

  /**
   * The document as HTML that is also well-formed XML (XHTML syntax), so that the PDF renderer
   * reads the very same page; with a print stylesheet for A4.
   */
  static String render(JointInput doc) {
    Labels labels = doc.labels();
    StringBuilder html = new StringBuilder(8_192 + doc.inputCount() * 4_096);
    html.append("<!DOCTYPE html>\n<html lang=\"")
        .append(labels.tag())
        .append("\" dir=\"")
        .append(labels.dir())
        .append("\" xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>")
        .append(escape(doc.symbol().isEmpty() ? doc.title() : doc.symbol() + " — " + doc.title()))
        .append("</title>\n<meta name=\"subject\" content=\"")
        .append(escape(labels.get("jointInput")))
        .append("\"/>\n<meta name=\"author\" content=\"UNGIS\"/>\n<style>")
        .append(STYLE)
        .append(DOCUMENT_STYLE)
        .append("</style>\n</head>\n<body>\n<header>\n");
    if (!doc.symbol().isEmpty()) {
      html.append("<p class=\"symbol\" dir=\"ltr\">").append(escape(doc.symbol())).append("</p>\n");
    }
    html.append("<p class=\"meta\">")
        .append(escape(labels.get("jointInput")))
        .append("</p>\n<h1>")
        .append(escape(doc.title()))
        .append("</h1>\n<p class=\"meta\">")
        .append(
            doc.corrigendum() > 0 || doc.finalEdition()
                ? "<span class=\"badge final\">"
                : "<span class=\"badge interim\">")
        .append(escape(doc.editionLine()))
        .append("</span></p>\n<dl class=\"facts\">\n<dt>")
        .append(escape(labels.get("published")))
        .append("</dt><dd>")
        .append(escape(labels.dateTime(doc.publishedAt())))
        .append("</dd>\n<dt>")
        .append(escape(labels.get("deadline")))
        .append("</dt><dd>")
        .append(escape(labels.dateTime(doc.deadline())))
        .append("</dd>\n");
    if (!doc.chairs().isEmpty()) {
      html.append("<dt>")
          .append(escape(labels.get("chair")))
          .append("</dt><dd>")
          .append(escape(String.join("; ", doc.chairs())))
          .append("</dd>\n");
    }
    if (!doc.viceChairs().isEmpty()) {
      html.append("<dt>")
          .append(escape(labels.get("viceChairs")))
          .append("</dt><dd>")
          .append(escape(String.join("; ", doc.viceChairs())))
          .append("</dd>\n");
    }
    html.append("</dl>\n");
    for (String paragraph : doc.description()) {
      html.append("<p>").append(lines(paragraph)).append("</p>\n");
    }
    html.append("</header>\n");
    if (!doc.corrections().isEmpty()) {
      html.append("<section id=\"corrigendum\" class=\"corrigendum\">\n<h2>")
          .append(
              escape(labels.format("corrigendum", Map.of("n", String.valueOf(doc.corrigendum())))))
          .append("</h2>\n<p>")
          .append(escape(labels.get("changes")))
          .append("</p>\n<ul>\n");
      for (String line : doc.corrections()) {
        html.append("<li>").append(escape(line)).append("</li>\n");
      }
      html.append("</ul>\n</section>\n");
    }
    html.append("<nav id=\"contents\" class=\"toc\">\n<h2>")
        .append(escape(labels.get("contents")))
        .append("</h2>\n<ul>\n");
    for (JointInput.TocLine line : doc.toc()) {
      html.append("<li class=\"toc")
          .append(line.level())
          .append("\"><a href=\"#")
          .append(escape(line.anchor()))
          .append("\">")
          .append(escape(line.text()))
          .append("</a></li>\n");
    }
    html.append("</ul>\n</nav>\n<main>\n");
    framing(html, "introduction", labels.get("introduction"), doc.introduction());
    html.append("<section id=\"inputs\">\n<h2>")
        .append(escape(labels.get("inputs")))
        .append("</h2>\n");
    for (JointInput.AgencyInputs agency : doc.agencies()) {
      html.append("<section id=\"")
          .append(escape(agency.anchor()))
          .append("\" class=\"agency-inputs\">\n<h3>")
          .append(escape(agency.name()))
          .append("</h3>\n");
      for (JointInput.Input input : agency.inputs()) {
        entry(html, input, labels);
      }
      html.append("</section>\n");
    }
    if (doc.agencies().isEmpty()) {
      html.append("<p>").append(escape(labels.get("noInputs"))).append("</p>\n");
    }
    html.append("</section>\n");
    framing(html, "conclusion", labels.get("conclusion"), doc.conclusion());
    annex(html, doc);
    html.append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void framing(StringBuilder html, String id, String heading, List<String> text) {
    if (text.isEmpty()) {
      return;
    }
    html.append("<section id=\"")
        .append(id)
        .append("\" class=\"framing\">\n<h2>")
        .append(escape(heading))
        .append("</h2>\n");
    for (String paragraph : text) {
      html.append("<p>").append(lines(paragraph)).append("</p>\n");
    }
    html.append("</section>\n");
  }

  private static void entry(StringBuilder html, JointInput.Input input, Labels labels) {
    String lang = Labels.tag(input.language());
    html.append("<article id=\"")
        .append(escape(input.anchor()))
        .append("\">\n<h4 lang=\"")
        .append(escape(lang))
        .append("\" dir=\"")
        .append(input.dir())
        .append("\">")
        .append(escape(input.title()))
        .append("</h4>\n<div class=\"text\" lang=\"")
        .append(escape(lang))
        .append("\" dir=\"")
        .append(input.dir())
        .append("\">\n");
    if (!input.summary().isBlank()) {
      html.append("<p class=\"summary\">").append(lines(input.summary())).append("</p>\n");
    }
    for (String paragraph : input.paragraphs()) {
      html.append("<p>").append(lines(paragraph)).append("</p>\n");
    }
    html.append("</div>\n<dl>\n<dt>")
        .append(escape(labels.get("language")))
        .append("</dt><dd>")
        .append(escape(input.languageName()))
        .append("</dd>\n<dt>")
        .append(escape(labels.get("sdgs")))
        .append("</dt><dd>")
        .append(named(input.sdgs(), "SDG ", labels))
        .append("</dd>\n<dt>")
        .append(escape(labels.get("actionLines")))
        .append("</dt><dd>")
        .append(named(input.actionLines(), "", labels))
        .append("</dd>\n");
    if (!input.links().isEmpty()) {
      html.append("<dt>").append(escape(labels.get("links"))).append("</dt><dd dir=\"ltr\">");
      List<String> links = input.links();
      for (int i = 0; i < links.size(); i++) {
        if (i > 0) {
          html.append("<br/>");
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
    html.append("<dt>").append(escape(labels.get("approvedBy"))).append("</dt><dd>");
    if (input.approvals().isEmpty()) {
      html.append(escape(labels.dateTime(input.approvedAt())));
    }
    for (int i = 0; i < input.approvals().size(); i++) {
      JointInput.Approver approver = input.approvals().get(i);
      if (i > 0) {
        html.append("<br/>");
      }
      html.append(escape(approverLine(approver, labels)));
    }
    html.append("</dd>\n<dt>")
        .append(escape(labels.get("revision")))
        .append("</dt><dd>")
        .append(input.revision())
        .append("</dd>\n</dl>\n</article>\n");
  }

  /** "person, Agency name (CODE), date". */
  static String approverLine(JointInput.Approver approver, Labels labels) {
    String agency =
        approver.agencyName().isBlank()
            ? approver.agency()
            : approver.agencyName() + " (" + approver.agency() + ")";
    return (approver.person().isBlank() ? "" : approver.person() + ", ")
        + agency
        + ", "
        + labels.dateTime(approver.at());
  }

  private static String named(List<JointInput.Named> items, String prefix, Labels labels) {
    if (items.isEmpty()) {
      return escape(labels.get("none"));
    }
    StringBuilder out = new StringBuilder();
    for (JointInput.Named item : items) {
      if (out.length() > 0) {
        out.append("<br/>");
      }
      out.append(escape(prefix + item.code() + ": " + item.name()));
    }
    return out.toString();
  }

  private static void annex(StringBuilder html, JointInput doc) {
    Labels labels = doc.labels();
    html.append("<section id=\"annex\" class=\"annex\">\n<h2>")
        .append(escape(labels.get("annex")))
        .append("</h2>\n");
    annexTable(html, labels.get("sdgs"), labels.get("goal"), doc.sdgs(), labels);
    annexTable(
        html, labels.get("actionLines"), labels.get("actionLine"), doc.actionLines(), labels);
    html.append("</section>\n");
  }

  private static void annexTable(
      StringBuilder html,
      String caption,
      String heading,
      List<JointInput.AnnexRow> rows,
      Labels labels) {
    html.append("<table>\n<caption>")
        .append(escape(caption))
        .append("</caption>\n<thead><tr><th>")
        .append(escape(heading))
        .append("</th><th>")
        .append(escape(labels.get("addressedBy")))
        .append("</th></tr></thead>\n<tbody>\n");
    if (rows.isEmpty()) {
      html.append("<tr><td colspan=\"2\">")
          .append(escape(labels.get("none")))
          .append("</td></tr>\n");
    }
    for (JointInput.AnnexRow row : rows) {
      html.append("<tr><td>")
          .append(escape(row.code()))
          .append(". ")
          .append(escape(row.name()))
          .append("</td><td>")
          .append(escape(String.join(", ", row.agencies())))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  /** Escaped text whose single line breaks become {@code <br>}. */
  private static String lines(String text) {
    return escape(text.strip()).replace("\n", "<br/>\n");
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
