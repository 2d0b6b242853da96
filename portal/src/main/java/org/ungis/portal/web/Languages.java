package org.ungis.portal.web;

import java.util.List;
import java.util.Locale;

/** The six official UN languages the portal speaks, and how each is written. */
public final class Languages {

  /** In the order of the language switcher (the UN's order: Arabic, Chinese, English, ...). */
  public static final List<Language> ALL =
      List.of(
          new Language("ar", "العربية", true),
          new Language("zh", "中文", false),
          new Language("en", "English", false),
          new Language("fr", "Français", false),
          new Language("ru", "Русский", false),
          new Language("es", "Español", false));

  /** The cookie that remembers the language a person chose (or their preferred one). */
  public static final String COOKIE = "ungis-lang";

  /** The portal's default language when the browser asks for none of the six. */
  public static final Locale DEFAULT = Locale.ENGLISH;

  private Languages() {}

  /**
   * One language.
   *
   * @param tag the BCP 47 tag of the pages ({@code ar}, {@code zh}, ...)
   * @param name its name in its own script
   * @param rightToLeft whether it is written right to left
   */
  public record Language(String tag, String name, boolean rightToLeft) {
    public Locale locale() {
      return Locale.forLanguageTag(tag);
    }

    public String dir() {
      return rightToLeft ? "rtl" : "ltr";
    }
  }

  /** The supported language of a locale, or null. */
  public static Language of(Locale locale) {
    if (locale == null) {
      return null;
    }
    return ALL.stream().filter(l -> l.tag().equals(locale.getLanguage())).findFirst().orElse(null);
  }

  /** The supported language with this tag (a language switcher link, a cookie), or null. */
  public static Language of(String tag) {
    return tag == null || tag.isBlank() ? null : of(Locale.forLanguageTag(tag.trim()));
  }

  /**
   * The language for a browser's {@code Accept-Language}: the first of its ranges, by weight, that
   * is one of the six ({@code fr-CH} is French; {@code zh-Hant-TW} is Chinese); otherwise English.
   */
  public static Locale fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return DEFAULT;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(header);
    } catch (IllegalArgumentException malformed) {
      return DEFAULT;
    }
    for (Locale.LanguageRange range : ranges) {
      if (range.getWeight() <= 0) {
        continue;
      }
      String tag = range.getRange();
      if ("*".equals(tag)) {
        return DEFAULT;
      }
      Language language = of(tag);
      if (language != null) {
        return language.locale();
      }
    }
    return DEFAULT;
  }

  /** How a user-written text in an API language code ({@code AR}, {@code EN}...) is tagged. */
  public static String langOfText(String apiLanguage) {
    Language language = of(apiLanguage == null ? null : apiLanguage.toLowerCase(Locale.ROOT));
    return language == null ? "" : language.tag();
  }

  /** Its direction: {@code rtl}, {@code ltr}, or {@code auto} when the language is unknown. */
  public static String dirOfText(String apiLanguage) {
    Language language = of(apiLanguage == null ? null : apiLanguage.toLowerCase(Locale.ROOT));
    return language == null ? "auto" : language.dir();
  }
}
