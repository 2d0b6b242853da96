package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.ungis.reference.Person;

class SignInLanguageTest {

  @Test
  void theFirstSupportedUiLocaleWins() {
    assertThat(SignInLanguage.fromUiLocales("de-CH fr-CA en")).contains("fr");
    assertThat(SignInLanguage.fromUiLocales("zh-Hant-TW")).contains("zh");
    assertThat(SignInLanguage.fromUiLocales("de it")).isEmpty();
    assertThat(SignInLanguage.fromUiLocales("<script>")).isEmpty();
    assertThat(SignInLanguage.fromUiLocales(null)).isEmpty();
  }

  @Test
  void theBrowsersPreferenceIsMatchedByWeight() {
    assertThat(SignInLanguage.fromAcceptLanguage("de-DE,ru;q=0.8,en;q=0.9")).contains("en");
    assertThat(SignInLanguage.fromAcceptLanguage("ar-EG")).contains("ar");
    assertThat(SignInLanguage.fromAcceptLanguage("de")).isEmpty();
    assertThat(SignInLanguage.fromAcceptLanguage("not;a=valid;;header")).isEmpty();
  }

  @Test
  void everyLanguageHasEveryTextOfThePage() {
    var english = SignInPage.messages("en").keySet();
    for (String language : Person.LANGUAGES) {
      assertThat(SignInPage.messages(language).keySet()).as(language).isEqualTo(english);
      assertThat(SignInPage.messages(language).getLocale().getLanguage()).isEqualTo(language);
    }
    assertThat(SignInLanguage.isRightToLeft("ar")).isTrue();
    assertThat(SignInLanguage.isRightToLeft("fr")).isFalse();
  }
}
