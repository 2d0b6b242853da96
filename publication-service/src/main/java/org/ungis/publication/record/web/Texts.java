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

  /** The paragraphs of a body: separated by blank lines, trimmed, empty ones dropped. */
  static List<String> paragraphs(String body) {
    List<String> paragraphs = new ArrayList<>();
    for (String part : body.replace("\r\n", "\n").split("\n\\s*\n")) {
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
