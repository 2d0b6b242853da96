package org.ungis.portal.web;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DecimalFormat;
import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * ICU's formatters for the pages, built once per locale (and per message pattern) and reused,
 * instead of built for each formatted value: building one reads the locale's data (patterns,
 * symbols, calendar, plural rules), which was most of a page's rendering time. ICU's {@code
 * DateFormat} and {@code MessageFormat} are not thread-safe, so each is used by one thread at a
 * time: a thread takes an idle one of its key (or builds one when none is idle) and gives it back
 * when done, so there are never more of a key than threads formatting it at once. Numbers use ICU's
 * immutable {@code LocalizedNumberFormatter}, shared as it is.
 */
final class IcuFormatters {

  private record Pattern(String text, ULocale locale) {}

  private static final Reused<ULocale, DateFormat> DATE_TIMES =
      new Reused<>(
          locale -> {
            DateFormat format =
                DateFormat.getDateTimeInstance(DateFormat.LONG, DateFormat.SHORT, locale);
            format.setTimeZone(TimeZone.GMT_ZONE);
            return format;
          });

  private static final Reused<Pattern, MessageFormat> MESSAGES =
      new Reused<>(p -> new MessageFormat(p.text(), p.locale()));

  private static final ConcurrentMap<ULocale, LocalizedNumberFormatter> NUMBERS =
      new ConcurrentHashMap<>();

  private static final Object[] NO_ARGUMENTS = {};

  private IcuFormatters() {}

  /** Long date and short time in UTC, e.g. "6 December 2026, 21:00" (without the zone's name). */
  static String dateTime(Instant instant, Locale locale) {
    Date date = Date.from(instant);
    return DATE_TIMES.with(ULocale.forLocale(locale), format -> format.format(date));
  }

  /** A whole number as {@code NumberFormat.getInstance(locale)} writes it. */
  static String number(long n, Locale locale) {
    return NUMBERS
        .computeIfAbsent(
            ULocale.forLocale(locale),
            l -> ((DecimalFormat) NumberFormat.getInstance(l)).toNumberFormatter())
        .format(n)
        .toString();
  }

  /**
   * A message pattern of the portal's bundles with its arguments, as ICU's {@code MessageFormat}
   * writes it. A pattern without braces or apostrophes is its own text, whatever the arguments.
   */
  static String message(String pattern, Object[] args, Locale locale) {
    if (pattern.indexOf('{') < 0 && pattern.indexOf('}') < 0 && pattern.indexOf('\'') < 0) {
      return pattern;
    }
    Object[] values = args == null ? NO_ARGUMENTS : args;
    return MESSAGES.with(
        new Pattern(pattern, ULocale.forLocale(locale)), format -> format.format(values));
  }

  /** Formatters of one kind by key, each used by one thread at a time. */
  private static final class Reused<K, F> {
    private final ConcurrentMap<K, Queue<F>> idle = new ConcurrentHashMap<>();
    private final Function<K, F> build;

    Reused(Function<K, F> build) {
      this.build = build;
    }

    String with(K key, Function<F, String> use) {
      Queue<F> formatters = idle.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
      F formatter = formatters.poll();
      if (formatter == null) {
        formatter = build.apply(key);
      }
      String text = use.apply(formatter);
      // Given back only after a use that did not throw, so a failed one is never reused.
      formatters.offer(formatter);
      return text;
    }
  }
}
