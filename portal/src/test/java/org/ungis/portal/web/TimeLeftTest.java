package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TimeLeftTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
  private final IcuMessageSource messages = new IcuMessageSource("messages");

  private String words(Duration left, String language) {
    TimeLeft t = TimeLeft.between(NOW, NOW.plus(left));
    return messages.getMessage(t.key(), new Object[] {t.amount()}, Locale.forLanguageTag(language));
  }

  @Test
  void theLargestWholeUnitThatIsAtLeastOne() {
    assertThat(TimeLeft.between(NOW, NOW.plus(Duration.ofDays(3).plusHours(5))))
        .isEqualTo(new TimeLeft("time.left.days", 3));
    assertThat(TimeLeft.between(NOW, NOW.plus(Duration.ofHours(23).plusMinutes(59))))
        .isEqualTo(new TimeLeft("time.left.hours", 23));
    assertThat(TimeLeft.between(NOW, NOW.plusSeconds(30)))
        .isEqualTo(new TimeLeft("time.left.minutes", 1));
    assertThat(TimeLeft.between(NOW, NOW)).isEqualTo(new TimeLeft("time.passed", 0));
    assertThat(TimeLeft.between(NOW, NOW.minusSeconds(1)).passed()).isTrue();
  }

  @Test
  void lessThanTwoDaysIsSoon() {
    assertThat(TimeLeft.between(NOW, NOW.plus(Duration.ofDays(1))).soon()).isTrue();
    assertThat(TimeLeft.between(NOW, NOW.plus(Duration.ofDays(2))).soon()).isFalse();
  }

  @Test
  void inWordsWithEachLanguagesPlurals() {
    assertThat(words(Duration.ofDays(3), "en")).isEqualTo("3 days left");
    assertThat(words(Duration.ofDays(1), "en")).isEqualTo("1 day left");
    assertThat(words(Duration.ofHours(5), "fr")).isEqualTo("5 heures restantes");
    assertThat(words(Duration.ofDays(1), "fr")).isEqualTo("1 jour restant");
    // Russian: one (21), few (3), many (5)
    assertThat(words(Duration.ofDays(21), "ru")).isEqualTo("остался 21 день");
    assertThat(words(Duration.ofDays(3), "ru")).isEqualTo("осталось 3 дня");
    assertThat(words(Duration.ofDays(5), "ru")).isEqualTo("осталось 5 дней");
    // Arabic: one, two, few (3-10), many (11-99), other (100+); CLDR writes "ar" with Latin digits
    assertThat(words(Duration.ofDays(1), "ar")).isEqualTo("بقي يوم واحد");
    assertThat(words(Duration.ofDays(2), "ar")).isEqualTo("بقي يومان");
    assertThat(words(Duration.ofDays(3), "ar")).isEqualTo("بقيت 3 أيام");
    assertThat(words(Duration.ofDays(11), "ar")).isEqualTo("بقي 11 يومًا");
    assertThat(words(Duration.ofDays(100), "ar")).isEqualTo("بقي 100 يوم");
    assertThat(words(Duration.ofDays(3), "zh")).isEqualTo("还剩 3 天");
    assertThat(words(Duration.ofMinutes(-5), "es")).isEqualTo("El plazo ha vencido");
  }

  @Test
  void datesInThePagesLanguageAndSayUtc() {
    Instant deadline = Instant.parse("2026-12-31T23:59:00Z");
    assertThat(Formats.date(deadline, Locale.ENGLISH).replace('\u202f', ' '))
        .isEqualTo("December 31, 2026 at 11:59 PM UTC");
    assertThat(Formats.date(deadline, Locale.FRENCH))
        .startsWith("31 décembre 2026")
        .endsWith("23:59 UTC");
    assertThat(Formats.date(deadline, Locale.forLanguageTag("ar")))
        .contains("ديسمبر")
        .contains("2026")
        .endsWith("UTC");
  }
}
