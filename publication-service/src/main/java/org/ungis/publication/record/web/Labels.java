package org.ungis.publication.record.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The labels of a published joint input in one of the six official languages of the United Nations
 * (from {@code labels.yml} beside this class), and the dates written the way that language writes
 * them. An unknown language gives the English labels.
 */
final class Labels {

  private static final String RESOURCE = "org/ungis/publication/record/web/labels.yml";

  private static final Map<String, Map<String, Object>> ALL = load();

  private static final Map<String, Locale> LOCALES =
      Map.of(
          "AR", Locale.forLanguageTag("ar"),
          "ZH", Locale.forLanguageTag("zh"),
          "EN", Locale.UK,
          "FR", Locale.FRENCH,
          "RU", Locale.forLanguageTag("ru"),
          "ES", Locale.forLanguageTag("es"));

  private final String language;
  private final Map<String, Object> texts;
  private final DateTimeFormatter date;
  private final DateTimeFormatter time;

  private Labels(String language) {
    this.language = language;
    this.texts = ALL.get(language);
    Locale locale = LOCALES.get(language);
    this.date =
        DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .withZone(ZoneOffset.UTC);
    this.time = DateTimeFormatter.ofPattern("HH:mm 'UTC'", locale).withZone(ZoneOffset.UTC);
  }

  /** The labels of a language code (AR, ZH, EN, FR, RU, ES, any case); English if unknown. */
  static Labels of(String language) {
    String code = language == null ? "EN" : language.strip().toUpperCase(Locale.ROOT);
    return new Labels(ALL.containsKey(code) ? code : "EN");
  }

  /** Whether a language code names one of the six languages. */
  static boolean isKnown(String language) {
    return language != null && ALL.containsKey(language.strip().toUpperCase(Locale.ROOT));
  }

  /** The upper-case code of this language. */
  String language() {
    return language;
  }

  /** The BCP 47 tag of this language, for {@code lang} attributes. */
  String tag() {
    return tag(language);
  }

  static String tag(String code) {
    return code == null || code.isBlank() ? "und" : code.toLowerCase(Locale.ROOT);
  }

  /** {@code rtl} for Arabic, {@code ltr} for the others. */
  String dir() {
    return dir(language);
  }

  static String dir(String code) {
    return "AR".equalsIgnoreCase(code) ? "rtl" : "ltr";
  }

  String get(String key) {
    Object text = texts.get(key);
    if (!(text instanceof String s)) {
      throw new IllegalArgumentException("no label " + key + " in " + language);
    }
    return s;
  }

  /** A label with its {@code {name}} placeholders filled in (the values are taken literally). */
  String format(String key, Map<String, String> values) {
    String text = get(key);
    StringBuilder out = new StringBuilder(text.length() + 64);
    int i = 0;
    while (i < text.length()) {
      int open = text.indexOf('{', i);
      int close = open < 0 ? -1 : text.indexOf('}', open);
      if (open < 0 || close < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, open);
      String name = text.substring(open + 1, close);
      out.append(values.getOrDefault(name, "{" + name + "}"));
      i = close + 1;
    }
    return out.toString();
  }

  /** The name of a language (by its code) in this language; the code itself if unknown. */
  String languageName(String code) {
    Object names = texts.get("languageNames");
    if (names instanceof Map<?, ?> map && map.get(code) instanceof String name) {
      return name;
    }
    return code;
  }

  /** A date, as this language writes it. */
  String date(Instant instant) {
    return date.format(instant);
  }

  /** A date and a UTC time. */
  String dateTime(Instant instant) {
    return date.format(instant) + ", " + time.format(instant);
  }

  private static Map<String, Map<String, Object>> load() {
    try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      Map<String, Map<String, Object>> all =
          YAMLMapper.builder().build().readValue(in, new TypeReference<>() {});
      Map<String, Object> english = all.get("EN");
      for (var entry : all.entrySet()) {
        if (!entry.getValue().keySet().equals(english.keySet())) {
          throw new IllegalStateException(
              "the labels of " + entry.getKey() + " do not have the same keys as EN");
        }
      }
      return Map.copyOf(all);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
