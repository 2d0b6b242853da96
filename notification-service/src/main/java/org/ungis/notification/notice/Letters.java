package org.ungis.notification.notice;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

/**
 * Writes each notice in its recipient's language (one of the six UN languages), as plain text and
 * HTML, with a link to the portal's page. The texts are {@code texts_<language>.properties} beside
 * this class; a placeholder {@code {name}} takes a fact of the notice.
 */
public final class Letters {

  static final String BUNDLE = "org.ungis.notification.notice.texts";

  private final URI portal;

  /**
   * @param portal the portal's base URL
   */
  public Letters(URI portal) {
    String base = portal.toString();
    this.portal = URI.create(base.endsWith("/") ? base : base + "/");
  }

  /** The notice in its recipient's language. */
  public Letter write(Notice notice) {
    Locale locale = notice.recipient().locale();
    ResourceBundle texts = bundle(locale);
    Map<String, String> values = values(notice, locale);
    String key = notice.kind().name();
    String subject = fill(texts.getString(key + ".subject"), values);
    String body = fill(texts.getString(key + ".body"), values);
    String greeting = fill(texts.getString("greeting"), values);
    boolean digest = notice.kind() == Kind.DAILY_DIGEST;
    List<String> items = digest ? notice.facts().comment().lines().toList() : List.of();
    String comment =
        digest || notice.facts().comment() == null || notice.facts().comment().isBlank()
            ? null
            : fill(texts.getString("comment"), values);
    String open = texts.getString("open");
    String footer = texts.getString("footer");
    String link = portal.resolve(notice.page()).toString();

    StringBuilder text = new StringBuilder();
    text.append(greeting).append("\n\n").append(body).append("\n\n");
    items.forEach(item -> text.append("- ").append(item).append('\n'));
    if (!items.isEmpty()) {
      text.append('\n');
    }
    if (comment != null) {
      text.append(comment).append("\n\n");
    }
    text.append(open).append(' ').append(link).append("\n\n-- \n").append(footer).append('\n');

    String dir = "ar".equals(notice.recipient().language()) ? "rtl" : "ltr";
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html><html lang=\"")
        .append(notice.recipient().language())
        .append("\" dir=\"")
        .append(dir)
        .append("\"><head><meta charset=\"utf-8\"><title>")
        .append(escape(subject))
        .append("</title></head><body><p>")
        .append(escape(greeting))
        .append("</p><p>")
        .append(escape(body))
        .append("</p>");
    if (!items.isEmpty()) {
      html.append("<ul>");
      items.forEach(item -> html.append("<li>").append(escape(item)).append("</li>"));
      html.append("</ul>");
    }
    if (comment != null) {
      html.append("<blockquote>").append(escape(comment)).append("</blockquote>");
    }
    html.append("<p><a href=\"")
        .append(escape(link))
        .append("\">")
        .append(escape(open))
        .append("</a></p><hr><p><small>")
        .append(escape(footer))
        .append("</small></p></body></html>");
    return new Letter(
        notice.recipient().language(), subject, text.toString(), html.toString(), link);
  }

  /**
   * A notice in one line of its recipient's language, for a digest: its subject without the {@code
   * [UNGIS]} tag, then the link to its page.
   */
  public String line(Notice notice) {
    Locale locale = notice.recipient().locale();
    String subject =
        fill(bundle(locale).getString(notice.kind().name() + ".subject"), values(notice, locale));
    return subject.replaceFirst("^\\[UNGIS\\]\\s*", "") + " " + portal.resolve(notice.page());
  }

  static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private static Map<String, String> values(Notice notice, Locale locale) {
    Notice.Facts facts = notice.facts();
    Map<String, String> values = new TreeMap<>();
    values.put("name", notice.recipient().name());
    values.put("process", nonNull(facts.processId()));
    values.put("title", facts.title() == null ? nonNull(facts.processId()) : facts.title());
    values.put("agency", nonNull(facts.agency()));
    values.put("comment", nonNull(facts.comment()));
    values.put("number", facts.number() == null ? "" : facts.number().toString());
    values.put(
        "deadline",
        facts.deadline() == null
            ? ""
            : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                    .withLocale(locale)
                    .withZone(ZoneOffset.UTC)
                    .format(facts.deadline())
                    .replace(" Z", "")
                + " UTC");
    return values;
  }

  private static String fill(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace("{" + value.getKey() + "}", value.getValue());
    }
    return result;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
