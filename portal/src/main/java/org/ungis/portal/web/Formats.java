package org.ungis.portal.web;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.ungis.reference.People;
import org.ungis.reference.Person;

/**
 * What the templates use to write dates, time left, statuses and the language and direction of a
 * user-written text, in the page's language ({@code ${@fmt.date(call.deadline)}}). Times are shown
 * in UTC, the platform's time zone, and say so.
 */
@Component("fmt")
public class Formats {

  private final MessageSource messages;
  private final Clock clock;
  private final People people;

  Formats(MessageSource messages, Clock clock, People people) {
    this.messages = messages;
    this.clock = clock;
    this.people = people;
  }

  /** Who acted: the person's name from the directory, else the principal the event names. */
  public String who(String principal) {
    if (principal == null || principal.isBlank()) {
      return "";
    }
    return people
        .byId(principal.strip().toLowerCase(Locale.ROOT))
        .map(Person::name)
        .orElse(principal);
  }

  /** Date and time in the page's language, e.g. "6 December 2026, 21:00 UTC". */
  public String date(Instant instant) {
    return instant == null ? "" : date(instant, LocaleContextHolder.getLocale());
  }

  static String date(Instant instant, Locale locale) {
    return IcuFormatters.dateTime(instant, locale) + " UTC";
  }

  /** The value of a {@code <time datetime>} attribute. */
  public String iso(Instant instant) {
    return instant == null ? "" : instant.toString();
  }

  /** "3 days left", "5 hours left", "Deadline passed", in the page's language. */
  public String timeLeft(Instant deadline) {
    return deadline == null ? "" : timeLeft(TimeLeft.between(clock.instant(), deadline));
  }

  String timeLeft(TimeLeft left) {
    return messages.getMessage(
        left.key(), new Object[] {left.amount()}, LocaleContextHolder.getLocale());
  }

  public boolean soon(Instant deadline) {
    return deadline != null && TimeLeft.between(clock.instant(), deadline).soon();
  }

  public boolean passed(Instant deadline) {
    return deadline != null && TimeLeft.between(clock.instant(), deadline).passed();
  }

  /** A status in words: "Changes requested", "Approved"... */
  public String status(String status) {
    return status == null
        ? ""
        : messages.getMessage("status." + status, null, status, LocaleContextHolder.getLocale());
  }

  /** A number in the page's language (Arabic-Indic digits in Arabic, for instance). */
  public String number(long n) {
    return IcuFormatters.number(n, LocaleContextHolder.getLocale());
  }

  public String lang(String apiLanguage) {
    return Languages.langOfText(apiLanguage);
  }

  public String dir(String apiLanguage) {
    return Languages.dirOfText(apiLanguage);
  }

  /**
   * A page's {@code <title>}: it starts with the page's {@code h1}, and with "Error:" when the page
   * shows an error summary.
   */
  public String title(String h1, boolean error) {
    java.util.Locale locale = LocaleContextHolder.getLocale();
    String title = messages.getMessage("page.title", new Object[] {h1}, locale);
    return error ? messages.getMessage("page.title.error", new Object[] {title}, locale) : title;
  }

  /** A user-written text's paragraphs (separated by blank lines). */
  public java.util.List<String> paragraphs(String text) {
    if (text == null || text.isBlank()) {
      return java.util.List.of();
    }
    return java.util.Arrays.stream(text.strip().split("\\R\\s*\\R"))
        .map(String::strip)
        .filter(p -> !p.isEmpty())
        .toList();
  }

  /** The portal's clock (the services' clock in the demo). */
  public Instant now() {
    return clock.instant();
  }
}
