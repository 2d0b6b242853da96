package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LanguagesTest {

  @Test
  void theBrowsersFirstOfTheSixLanguagesWins() {
    assertThat(Languages.fromAcceptLanguage("de-CH, fr;q=0.8, en;q=0.5"))
        .isEqualTo(Locale.forLanguageTag("fr"));
    assertThat(Languages.fromAcceptLanguage("ar-EG,ar;q=0.9,en;q=0.8"))
        .isEqualTo(Locale.forLanguageTag("ar"));
    assertThat(Languages.fromAcceptLanguage("zh-Hant-TW")).isEqualTo(Locale.forLanguageTag("zh"));
    assertThat(Languages.fromAcceptLanguage("en;q=0.2, ru;q=0.9"))
        .isEqualTo(Locale.forLanguageTag("ru"));
  }

  @Test
  void englishWhenTheBrowserAsksForNoneOfThemOrForNothingReadable() {
    assertThat(Languages.fromAcceptLanguage("de, it;q=0.5")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.fromAcceptLanguage(null)).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.fromAcceptLanguage("")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.fromAcceptLanguage(";;;=")).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.fromAcceptLanguage("es;q=0")).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void arabicIsRightToLeftAndAUserTextOfUnknownLanguageIsAuto() {
    assertThat(Languages.of("ar").dir()).isEqualTo("rtl");
    assertThat(Languages.of("fr").dir()).isEqualTo("ltr");
    assertThat(Languages.of("xx")).isNull();
    assertThat(Languages.langOfText("AR")).isEqualTo("ar");
    assertThat(Languages.dirOfText("AR")).isEqualTo("rtl");
    assertThat(Languages.dirOfText("ZH")).isEqualTo("ltr");
    assertThat(Languages.dirOfText(null)).isEqualTo("auto");
    assertThat(Languages.langOfText("??")).isEmpty();
  }

  @Test
  void theSwitcherListsTheSixInTheirOwnScripts() {
    assertThat(Languages.ALL)
        .extracting(Languages.Language::name)
        .containsExactly("العربية", "中文", "English", "Français", "Русский", "Español");
  }
}
