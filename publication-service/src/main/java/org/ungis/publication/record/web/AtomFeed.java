package org.ungis.publication.record.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

/**
 * The editions of joint inputs as an Atom feed (RFC 4287), for downstream readers without Kafka:
 * websites, mailing list tools, archives. One entry per edition: its symbol (with {@code /Corr.n}),
 * title, publication time, what a corrigendum changed, and links to the edition in every format.
 */
final class AtomFeed {

  static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";

  /** One edition in a feed. */
  record Item(JointInput doc, String editionUrl) {}

  private AtomFeed() {}

  /**
   * The feed.
   *
   * @param id the feed's permanent id (a URI)
   * @param title its title
   * @param selfUrl its own absolute URL
   * @param items the editions, any order (newest first in the feed)
   */
  static String render(String id, String title, String selfUrl, List<Item> items) {
    List<Item> newest =
        items.stream()
            .sorted(
                Comparator.comparing((Item i) -> i.doc().publishedAt())
                    .thenComparing(i -> i.doc().edition())
                    .reversed())
            .toList();
    Instant updated = newest.isEmpty() ? Instant.EPOCH : newest.get(0).doc().publishedAt();
    StringBuilder xml = new StringBuilder(2_048 + items.size() * 1_024);
    xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        .append("<id>")
        .append(escape(id))
        .append("</id>\n<title>")
        .append(escape(title))
        .append("</title>\n<updated>")
        .append(time(updated))
        .append("</updated>\n<author><name>United Nations Group on the Information Society")
        .append(
            " (UNGIS)</name></author>\n<link rel=\"self\" type=\"application/atom+xml\" href=\"")
        .append(escape(selfUrl))
        .append("\"/>\n");
    for (Item item : newest) {
      entry(xml, item);
    }
    xml.append("</feed>\n");
    return xml.toString();
  }

  private static void entry(StringBuilder xml, Item item) {
    JointInput doc = item.doc();
    Labels labels = doc.labels();
    String url = item.editionUrl();
    String heading = (doc.symbol().isEmpty() ? "" : doc.symbol() + " — ") + doc.title();
    xml.append("<entry xml:lang=\"")
        .append(labels.tag())
        .append("\">\n<id>")
        .append(escape(id(doc)))
        .append("</id>\n<title>")
        .append(escape(heading + " (" + doc.editionLine() + ")"))
        .append("</title>\n<updated>")
        .append(time(doc.publishedAt()))
        .append("</updated>\n<published>")
        .append(time(doc.publishedAt()))
        .append("</published>\n");
    link(xml, "alternate", "text/html", url);
    link(xml, "alternate", "application/pdf", url + ".pdf");
    link(xml, "alternate", RecordController.DOCX, url + ".docx");
    link(xml, "alternate", "text/markdown", url + ".md");
    link(xml, "alternate", "application/json", url + ".json");
    StringBuilder summary = new StringBuilder(doc.editionLine());
    summary.append(". ").append(labels.get("published")).append(": ");
    summary.append(labels.dateTime(doc.publishedAt())).append(". ");
    summary.append(doc.inputCount()).append(' ').append(labels.get("entries")).append('.');
    if (!doc.corrections().isEmpty()) {
      summary.append(' ').append(labels.get("changes"));
      doc.corrections().forEach(line -> summary.append(' ').append(line));
    }
    xml.append("<summary type=\"text\">")
        .append(escape(summary.toString()))
        .append("</summary>\n</entry>\n");
  }

  /** The permanent id of an edition: the same in every feed and on every instance. */
  static String id(JointInput doc) {
    return "urn:ungis:records:" + doc.processId() + ":editions:" + doc.edition();
  }

  private static void link(StringBuilder xml, String rel, String type, String href) {
    xml.append("<link rel=\"")
        .append(rel)
        .append("\" type=\"")
        .append(escape(type))
        .append("\" href=\"")
        .append(escape(href))
        .append("\"/>\n");
  }

  private static String time(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /** Text for XML content and attributes; characters XML 1.0 forbids are dropped. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                  boolean allowed =
                      c == 0x9
                          || c == 0xA
                          || c == 0xD
                          || (c >= 0x20 && c <= 0xD7FF)
                          || (c >= 0xE000 && c <= 0xFFFD)
                          || c >= 0x10000;
                  if (allowed) {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
