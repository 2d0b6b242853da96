package org.ungis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The UNGIS roster: its members and the chair rota by period. Loaded from YAML; the bundled file is
 * {@code org/ungis/reference/roster.yml}.
 */
public final class Roster {

  /** Classpath location of the bundled roster. */
  public static final String DEFAULT_RESOURCE = "org/ungis/reference/roster.yml";

  private final Map<String, Member> members;
  private final List<Period> periods;

  public Roster(Collection<Member> members, Collection<Period> periods) {
    Map<String, Member> byCode = new LinkedHashMap<>();
    for (Member member : members) {
      if (byCode.putIfAbsent(member.code(), member) != null) {
        throw new IllegalArgumentException("duplicate member code " + member.code());
      }
    }
    List<Period> sorted = new ArrayList<>(periods);
    sorted.sort(Comparator.comparing(Period::from));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).from().isBefore(sorted.get(i - 1).until())) {
        throw new IllegalArgumentException("rota periods overlap at " + sorted.get(i).from());
      }
    }
    for (Period period : sorted) {
      for (String code : union(period.chairs(), period.viceChairs())) {
        if (!byCode.containsKey(code)) {
          throw new IllegalArgumentException("rota names unknown member " + code);
        }
      }
    }
    this.members = Map.copyOf(byCode);
    this.periods = List.copyOf(sorted);
  }

  /** The bundled roster. */
  public static Roster load() {
    try (InputStream in = Roster.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A roster from a YAML file in the bundled file's format. */
  public static Roster load(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read roster " + file, e);
    }
  }

  static Roster parse(InputStream yaml) {
    ObjectMapper mapper =
        YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    RosterFile file = mapper.readValue(yaml, RosterFile.class);
    return new Roster(
        file.members(),
        file.periods().stream()
            .map(p -> new Period(p.from(), p.until(), p.chairs(), p.viceChairs()))
            .toList());
  }

  public Optional<Member> member(String code) {
    return Optional.ofNullable(code).map(members::get);
  }

  public boolean isMember(String code) {
    return code != null && members.containsKey(code);
  }

  /** Members ordered by code. */
  public List<Member> members() {
    return members.values().stream().sorted(Comparator.comparing(Member::code)).toList();
  }

  public List<Period> periods() {
    return periods;
  }

  /** The rota period containing an instant, if any. */
  public Optional<Period> periodAt(Instant instant) {
    return periods.stream().filter(p -> p.contains(instant)).findFirst();
  }

  /** The reviewer role of an agency at an instant; empty if it is not on that period's rota. */
  public Optional<ReviewerRole> roleAt(String agency, Instant instant) {
    return periodAt(instant).flatMap(p -> p.roleOf(agency));
  }

  /** The members that chair or vice-chair at least one period of the rota, ordered by code. */
  public Set<String> rotaAgencies() {
    Set<String> codes = new TreeSet<>();
    for (Period period : periods) {
      codes.addAll(period.chairs());
      codes.addAll(period.viceChairs());
    }
    return Collections.unmodifiableSet(codes);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    var all = new java.util.HashSet<>(a);
    all.addAll(b);
    return all;
  }

  record RosterFile(List<Member> members, List<PeriodEntry> periods) {}

  record PeriodEntry(Instant from, Instant until, Set<String> chairs, Set<String> viceChairs) {}
}
