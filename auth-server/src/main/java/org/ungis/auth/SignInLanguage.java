package org.ungis.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.ungis.reference.Person;

/**
 * The language of the sign-in page, one of the six UN languages: the first of the OIDC {@code
 * ui_locales} the page supports, else the browser's best {@code Accept-Language} match, else
 * English.
 */
final class SignInLanguage {

  static final String PARAMETER = "ui_locales";
  static final String DEFAULT = "en";

  private SignInLanguage() {}

  static String of(HttpServletRequest request) {
    return fromUiLocales(request.getParameter(PARAMETER))
        .or(() -> fromAcceptLanguage(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)))
        .orElse(DEFAULT);
  }

  /** The first supported language of a space-separated {@code ui_locales} list. */
  static Optional<String> fromUiLocales(String uiLocales) {
    if (uiLocales == null) {
      return Optional.empty();
    }
    for (String tag : uiLocales.trim().split("\\s+")) {
      String language = Locale.forLanguageTag(tag).getLanguage();
      if (Person.LANGUAGES.contains(language)) {
        return Optional.of(language);
      }
    }
    return Optional.empty();
  }

  static Optional<String> fromAcceptLanguage(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Optional.empty();
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      return Optional.ofNullable(Locale.lookupTag(ranges, Person.LANGUAGES));
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  static boolean isRightToLeft(String language) {
    return "ar".equals(language);
  }
}
