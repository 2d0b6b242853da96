package org.ungis.notification.notice;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ungis.reference.People;
import org.ungis.reference.Period;
import org.ungis.reference.Person;
import org.ungis.reference.Roster;

/** Who is told what: the people directory read against the roster's rota. */
public final class Recipients {

  private final People people;
  private final Roster roster;

  public Recipients(People people, Roster roster) {
    this.people = people;
    this.roster = roster;
  }

  /** A person of the directory, by e-mail address. */
  public Optional<Person> person(String email) {
    return people.all().stream().filter(p -> p.email().equals(email)).findFirst();
  }

  /** The focal points of an agency. */
  public List<Person> focalPointsOf(String agency) {
    return people.all().stream()
        .filter(p -> p.role() == Person.Role.FOCAL_POINT && p.agency().equals(agency))
        .toList();
  }

  /** The reviewers whose agency chairs or vice-chairs the period of an instant. */
  public List<Person> reviewersAt(Instant at) {
    Set<String> rota = roster.periodAt(at).map(Recipients::agenciesOf).orElse(Set.of());
    return people.all().stream()
        .filter(p -> p.role() == Person.Role.REVIEWER && rota.contains(p.agency()))
        .toList();
  }

  /** The focal points of every member. */
  public List<Person> everyMembersFocalPoints() {
    return people.all().stream()
        .filter(p -> p.role() == Person.Role.FOCAL_POINT && roster.isMember(p.agency()))
        .toList();
  }

  /** The member codes of the roster. */
  public List<String> members() {
    return roster.members().stream().map(m -> m.code()).toList();
  }

  /** The focal points of some agencies and the reviewers of the period, each once. */
  public List<Person> concerned(Collection<String> agencies, Instant at) {
    Map<String, Person> byEmail = new LinkedHashMap<>();
    agencies.stream()
        .distinct()
        .flatMap(a -> focalPointsOf(a).stream())
        .forEach(p -> byEmail.putIfAbsent(p.email(), p));
    reviewersAt(at).forEach(p -> byEmail.putIfAbsent(p.email(), p));
    return List.copyOf(byEmail.values());
  }

  private static Set<String> agenciesOf(Period period) {
    Set<String> all = new java.util.HashSet<>(period.chairs());
    all.addAll(period.viceChairs());
    return all;
  }
}
