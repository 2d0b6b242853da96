package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reused formatters write exactly what a formatter built for the one value writes (what the
 * pages did before), in each of the six languages, also when many threads format at once.
 */
class IcuFormattersTest {

  private static final List<Instant> INSTANTS =
      List.of(
          Instant.parse("2026-12-31T23:59:00Z"),
          Instant.parse("2023-01-01T00:00:00Z"),
          Instant.parse("2027-06-15T09:05:30Z"));

  private static final List<Long> NUMBERS = List.of(0L, 1L, 2L, 3L, 11L, 21L, 100L, 1000L, 12345L);

  private static String dateBuiltOnce(Instant instant, Locale locale) {
    DateFormat format =
        DateFormat.getDateTimeInstance(
            DateFormat.LONG, DateFormat.SHORT, ULocale.forLocale(locale));
    format.setTimeZone(TimeZone.GMT_ZONE);
    return format.format(Date.from(instant));
  }

  private static String messageBuiltOnce(String pattern, Object[] args, Locale locale) {
    return new MessageFormat(pattern, ULocale.forLocale(locale)).format(args);
  }

  private static Properties bundle(String language) throws IOException {
    String name = "/messages" + ("en".equals(language) ? "" : "_" + language) + ".properties";
    Properties p = new Properties();
    try (InputStream in = IcuFormattersTest.class.getResourceAsStream(name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void datesAsBefore(String language) {
    Locale locale = Locale.forLanguageTag(language);
    for (int round = 0; round < 2; round++) { // the second round reuses the formatters
      for (Instant instant : INSTANTS) {
        assertThat(IcuFormatters.dateTime(instant, locale))
            .isEqualTo(dateBuiltOnce(instant, locale));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void numbersAsBefore(String language) {
    Locale locale = Locale.forLanguageTag(language);
    for (long n : NUMBERS) {
      assertThat(IcuFormatters.number(n, locale))
          .isEqualTo(NumberFormat.getInstance(ULocale.forLocale(locale)).format(n));
      assertThat(IcuFormatters.number(-n * 1001, locale))
          .isEqualTo(NumberFormat.getInstance(ULocale.forLocale(locale)).format(-n * 1001));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void everyMessageOfTheBundleAsBefore(String language) throws IOException {
    Locale locale = Locale.forLanguageTag(language);
    Properties bundle = bundle(language);
    assertThat(bundle.stringPropertyNames()).hasSizeGreaterThan(100);
    for (String key : bundle.stringPropertyNames()) {
      String pattern = bundle.getProperty(key);
      for (long n : NUMBERS) {
        Object[] args = {n, n + 1, "Ana Lima"};
        for (int round = 0; round < 2; round++) {
          assertThat(IcuFormatters.message(pattern, args, locale))
              .as("%s in %s with %s", key, language, n)
              .isEqualTo(messageBuiltOnce(pattern, args, locale));
        }
      }
      assertThat(IcuFormatters.message(pattern, null, locale))
          .as("%s in %s without arguments", key, language)
          .isEqualTo(messageBuiltOnce(pattern, new Object[0], locale));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"It''s {0}", "l'agence", "'{'0'}' {0}", "plain text"})
  void apostrophesAndBracesAsIcuReadsThem(String pattern) {
    Object[] args = {"ITU"};
    assertThat(IcuFormatters.message(pattern, args, Locale.FRENCH))
        .isEqualTo(messageBuiltOnce(pattern, args, Locale.FRENCH));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "ru"})
  void manyThreadsAtOnceGetWhatOneGets(String language) throws Exception {
    Locale locale = Locale.forLanguageTag(language);
    String pattern = bundle(language).getProperty("time.left.days");
    List<Callable<Boolean>> tasks = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      tasks.add(
          () ->
              IntStream.range(0, 2_000)
                  .allMatch(
                      i -> {
                        Instant instant = INSTANTS.get(i % INSTANTS.size());
                        long n = NUMBERS.get(i % NUMBERS.size());
                        return IcuFormatters.dateTime(instant, locale)
                                .equals(dateBuiltOnceCached(instant, language))
                            && IcuFormatters.message(pattern, new Object[] {n}, locale)
                                .equals(messageBuiltOnceCached(pattern, n, language));
                      }));
    }
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // What one thread gets, computed once per value, so that the threads above spend their time in
  // the shared formatters.
  private static final java.util.Map<String, String> EXPECTED =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static String dateBuiltOnceCached(Instant instant, String language) {
    return EXPECTED.computeIfAbsent(
        "date " + language + " " + instant,
        k -> dateBuiltOnce(instant, Locale.forLanguageTag(language)));
  }

  private static String messageBuiltOnceCached(String pattern, long n, String language) {
    return EXPECTED.computeIfAbsent(
        "message " + language + " " + n + " " + pattern,
        k -> messageBuiltOnce(pattern, new Object[] {n}, Locale.forLanguageTag(language)));
  }
}
