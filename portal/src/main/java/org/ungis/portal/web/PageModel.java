package org.ungis.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.ungis.portal.security.Person;
import org.ungis.reference.ReviewerRole;
import org.ungis.reference.Roster;

/** What every page's layout needs: the person, the language and direction, the switcher links. */
@ControllerAdvice
class PageModel {

  private final Roster roster;
  private final Clock clock;

  PageModel(Roster roster, Clock clock) {
    this.roster = roster;
    this.clock = clock;
  }

  /** A link of the language switcher: the same page in another language. */
  record SwitchLink(String tag, String name, String href, boolean current) {}

  @ModelAttribute("person")
  Person person(Authentication authentication) {
    return Person.of(authentication);
  }

  /** Whether the signed-in reviewer's agency chairs the rota period of now (as review-service). */
  @ModelAttribute("chair")
  boolean chair(Authentication authentication) {
    Person person = Person.of(authentication);
    return person != null
        && person.reviewer()
        && roster.roleAt(person.agency(), clock.instant()).orElse(null) == ReviewerRole.CHAIR;
  }

  @ModelAttribute("agencyName")
  String agencyName(Authentication authentication) {
    Person person = Person.of(authentication);
    return person == null
        ? ""
        : roster.member(person.agency()).map(m -> m.name()).orElse(person.agency());
  }

  @ModelAttribute("pageLang")
  String pageLang() {
    Languages.Language language = Languages.of(LocaleContextHolder.getLocale());
    return language == null ? "en" : language.tag();
  }

  @ModelAttribute("pageDir")
  String pageDir() {
    Languages.Language language = Languages.of(LocaleContextHolder.getLocale());
    return language == null ? "ltr" : language.dir();
  }

  @ModelAttribute("languages")
  List<SwitchLink> languages(HttpServletRequest request) {
    Locale current = LocaleContextHolder.getLocale();
    boolean get = "GET".equals(request.getMethod());
    return Languages.ALL.stream()
        .map(
            l ->
                new SwitchLink(
                    l.tag(),
                    l.name(),
                    (get
                            ? ServletUriComponentsBuilder.fromRequest(request)
                            : ServletUriComponentsBuilder.fromCurrentContextPath()
                                .path(request.getRequestURI()))
                        .replaceQueryParam("lang", l.tag())
                        .build()
                        .toUriString()
                        .replaceFirst("^https?://[^/]+", ""),
                    l.tag().equals(current.getLanguage())))
        .toList();
  }
}
