package org.ungis.publication.record.web;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Helpers shared by the renderers. */
final class Texts {

  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  static final Map<String, String> LANGUAGES =
      Map.of(
          "AR", "Arabic",
          "ZH", "Chinese",
          "EN", "English",
          "FR", "French",
          "RU", "Russian",
          "ES", "Spanish");

  private Texts() {}

  static String when(Instant instant) {
    return WHEN.format(instant);
  }

  static String language(String code) {
    return LANGUAGES.getOrDefault(code, code);
  }

  /**
   * Untrusted text made safe to place in any format: bidirectional embeddings, overrides and
   * isolates (U+202A-U+202E, U+2066-U+2069) and control characters other than line feed and tab are
   * removed, and every line break becomes a line feed. The document sets the direction of each text
   * itself (its {@code dir}), so nothing in a text can reverse what follows it.
   */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    String unified =
        text.replace("\r\n", "\n")
            .replace('\r', '\n')
            .replace('\u2028', '\n')
            .replace('\u2029', '\n');
    StringBuilder out = new StringBuilder(unified.length());
    for (int i = 0; i < unified.length(); i++) {
      char c = unified.charAt(i);
      boolean bidiControl = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
      boolean control =
          (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF';
      if (!bidiControl && !control) {
        out.append(c == '\t' ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** Untrusted text for a one-line place (a title, a table cell): cleaned, whitespace collapsed. */
  static String oneLine(String text) {
    return clean(text).replaceAll("\\s+", " ").strip();
  }

  /** The paragraphs of a body: separated by blank lines, trimmed, empty ones dropped. */
  static List<String> paragraphs(String body) {
    List<String> paragraphs = new ArrayList<>();
    for (String part : clean(body).split("\n\\s*\n")) {
      String trimmed = part.strip();
      if (!trimmed.isEmpty()) {
        paragraphs.add(trimmed);
      }
    }
    return paragraphs;
  }

  /** Whether a link is an absolute http(s) URL, the only kind rendered as a link. */
  static boolean isWebLink(String link) {
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && uri.getHost() != null
          && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
    } catch (Exception e) {
      return false;
    }
  }
}
