package org.ungis.publication.record.web;

import java.util.List;
import java.util.Map;
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

  /**
   * The document in Markdown. Its structure (headings, lists, tables) is written by this renderer
   * only: every text that comes from an agency or the chair goes through {@link #inline} or {@link
   * #block}, which escape whatever CommonMark or GitHub Flavored Markdown would read as structure.
   * Right-to-left inputs are wrapped in a {@code <div dir="rtl">} block (renderers that drop HTML
   * still show the text).
   */
  static String render(JointInput doc) {
    Labels labels = doc.labels();
    StringBuilder md = new StringBuilder(4_096 + doc.inputCount() * 4_096);
    if (!doc.symbol().isEmpty()) {
      md.append("**").append(inline(doc.symbol())).append("**\n\n");
    }
    md.append("# ").append(inline(doc.title())).append("\n\n");
    md.append(inline(labels.get("jointInput"))).append("\n\n");
    md.append("- ").append(inline(doc.editionLine()));
    fact(md, labels.get("published"), labels.dateTime(doc.publishedAt()));
    fact(md, labels.get("deadline"), labels.dateTime(doc.deadline()));
    if (!doc.chairs().isEmpty()) {
      fact(md, labels.get("chair"), String.join("; ", doc.chairs()));
    }
    if (!doc.viceChairs().isEmpty()) {
      fact(md, labels.get("viceChairs"), String.join("; ", doc.viceChairs()));
    }
    md.append("\n\n");
    for (String paragraph : doc.description()) {
      md.append(block(paragraph)).append("\n\n");
    }
    if (!doc.corrections().isEmpty()) {
      md.append("## ")
          .append(
              inline(labels.format("corrigendum", Map.of("n", String.valueOf(doc.corrigendum())))))
          .append("\n\n")
          .append(inline(labels.get("changes")))
          .append("\n\n");
      for (String line : doc.corrections()) {
        md.append("- ").append(inline(line)).append("\n");
      }
      md.append("\n");
    }
    md.append("## ").append(inline(labels.get("contents"))).append("\n\n");
    for (JointInput.TocLine line : doc.toc()) {
      md.append("  ".repeat(line.level() - 1))
          .append("- ")
          .append(inline(line.text()))
          .append("\n");
    }
    md.append("\n");
    framing(md, "introduction", labels.get("introduction"), doc.introduction());
    md.append("## ").append(inline(labels.get("inputs"))).append("\n\n");
    for (JointInput.AgencyInputs agency : doc.agencies()) {
      md.append("### ").append(inline(agency.name())).append("\n\n");
      for (JointInput.Input input : agency.inputs()) {
        entry(md, input, labels);
      }
    }
    if (doc.agencies().isEmpty()) {
      md.append(inline(labels.get("noInputs"))).append("\n\n");
    }
    framing(md, "conclusion", labels.get("conclusion"), doc.conclusion());
    md.append("## ").append(inline(labels.get("annex"))).append("\n\n");
    table(md, labels.get("sdgs"), labels.get("goal"), doc.sdgs(), labels);
    table(md, labels.get("actionLines"), labels.get("actionLine"), doc.actionLines(), labels);
    return md.toString();
  }

  private static void fact(StringBuilder md, String label, String value) {
    md.append("\n- ").append(inline(label)).append(": ").append(inline(value));
  }

  private static void framing(StringBuilder md, String id, String heading, List<String> text) {
    if (text.isEmpty()) {
      return;
    }
    md.append("## ").append(inline(heading)).append("\n\n");
    for (String paragraph : text) {
      md.append(block(paragraph)).append("\n\n");
    }
  }

  private static void entry(StringBuilder md, JointInput.Input input, Labels labels) {
    boolean rtl = "rtl".equals(input.dir());
    if (rtl) {
      md.append("<div dir=\"rtl\" lang=\"").append(Labels.tag(input.language())).append("\">\n\n");
    }
    md.append("#### ").append(inline(input.title())).append("\n\n");
    if (!input.summary().isBlank()) {
      md.append("*").append(inline(Texts.oneLine(input.summary()))).append("*\n\n");
    }
    for (String paragraph : input.paragraphs()) {
      md.append(block(paragraph)).append("\n\n");
    }
    if (rtl) {
      md.append("</div>\n\n");
    }
    md.append("- ").append(inline(labels.get("language"))).append(": ");
    md.append(inline(input.languageName()));
    md.append("\n- ").append(inline(labels.get("sdgs"))).append(": ");
    md.append(named(input.sdgs(), "SDG ", labels));
    md.append("\n- ").append(inline(labels.get("actionLines"))).append(": ");
    md.append(named(input.actionLines(), "", labels));
    for (String link : input.links()) {
      md.append("\n- ")
          .append(inline(labels.get("links")))
          .append(": ")
          .append(
              Texts.isWebLink(link)
                  ? "<" + link.replace(">", "%3E").replace("<", "%3C").replace(" ", "%20") + ">"
                  : inline(link));
    }
    if (input.approvals().isEmpty()) {
      fact(md, labels.get("approvedOn"), labels.dateTime(input.approvedAt()));
    }
    for (JointInput.Approver approver : input.approvals()) {
      fact(md, labels.get("approvedBy"), HtmlRenderer.approverLine(approver, labels));
    }
    fact(md, labels.get("revision"), String.valueOf(input.revision()));
    md.append("\n\n");
  }

  private static String named(List<JointInput.Named> items, String prefix, Labels labels) {
    if (items.isEmpty()) {
      return inline(labels.get("none"));
    }
    return inline(
        String.join("; ", items.stream().map(i -> prefix + i.code() + ": " + i.name()).toList()));
  }

  private static void table(
      StringBuilder md,
      String caption,
      String heading,
      List<JointInput.AnnexRow> rows,
      Labels labels) {
    md.append("**")
        .append(inline(caption))
        .append("**\n\n| ")
        .append(inline(heading))
        .append(" | ")
        .append(inline(labels.get("addressedBy")))
        .append(" |\n| --- | --- |\n");
    if (rows.isEmpty()) {
      md.append("| ").append(inline(labels.get("none"))).append(" | |\n");
    }
    for (JointInput.AnnexRow row : rows) {
      md.append("| ")
          .append(inline(row.code() + ". " + row.name()))
          .append(" | ")
          .append(inline(String.join(", ", row.agencies())))
          .append(" |\n");
    }
    md.append("\n");
  }

  /**
   * A paragraph: each line escaped (see {@link #inline}) and its leading whitespace removed (four
   * spaces would start an indented code block), single line breaks kept as hard breaks.
   */
  static String block(String paragraph) {
    StringBuilder out = new StringBuilder(paragraph.length() + 16);
    for (String line : Texts.clean(paragraph).strip().split("\n", -1)) {
      if (out.length() > 0) {
        out.append("  \n");
      }
      out.append(inline(line.strip()));
    }
    return out.toString();
  }

  /**
   * One line of untrusted text escaped so that it reads literally in any CommonMark or GFM
   * renderer: HTML's angle brackets and ampersands become entities; the punctuation that opens
   * emphasis, code, links, images, tables, strikethrough and math is backslash-escaped; and a line
   * that starts like a heading, a quote, a list item, a thematic break, a setext underline or a
   * fence has its first character escaped. Line breaks are collapsed into spaces (use {@link
   * #block} for paragraphs).
   */
  static String inline(String text) {
    String line = Texts.clean(text).replace('\n', ' ');
    StringBuilder out = new StringBuilder(line.length() + 16);
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\\', '`', '*', '_', '[', ']', '{', '}', '#', '|', '!', '~', '$', '^' ->
            out.append('\\').append(c);
        default -> out.append(c);
      }
    }
    String escaped = out.toString();
    int start = 0;
    while (start < escaped.length() && escaped.charAt(start) == ' ') {
      start++;
    }
    if (start < escaped.length()) {
      char first = escaped.charAt(start);
      if (first == '-' || first == '+' || first == '=' || first == ':') {
        return escaped.substring(0, start) + "\\" + escaped.substring(start);
      }
      int digits = start;
      while (digits < escaped.length() && Character.isDigit(escaped.charAt(digits))) {
        digits++;
      }
      if (digits > start
          && digits < escaped.length()
          && (escaped.charAt(digits) == '.' || escaped.charAt(digits) == ')')) {
        return escaped.substring(0, digits) + "\\" + escaped.substring(digits);
      }
    }
    return escaped;
  }
}
