package org.ungis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The directory of persons who sign in to the platform: focal points of member agencies and
 * reviewers. Data beside the roster (bundled: {@code org/ungis/reference/people.yml}), checked
 * against it when loaded: every person works at a member agency, ids and e-mails are unique, a
 * reviewer works at an agency that chairs or vice-chairs some period of the rota, the preferred
 * language is one of the six UN languages. It holds no secrets.
 */
public final class People {

  /** Classpath location of the bundled directory. */
  public static final String DEFAULT_RESOURCE = "org/ungis/reference/people.yml";

  private final Map<String, Person> byId;
  private final List<Person> ordered;

  public People(Collection<Person> people, Roster roster) {
    Map<String, Person> ids = new LinkedHashMap<>();
    Map<String, String> emails = new HashMap<>();
    Set<String> rota = roster.rotaAgencies();
    for (Person person : people) {
      if (!roster.isMember(person.agency())) {
        throw new IllegalArgumentException(
            "person " + person.id() + " works at unknown agency " + person.agency());
      }
      if (person.role() == Person.Role.REVIEWER && !rota.contains(person.agency())) {
        throw new IllegalArgumentException(
            "reviewer "
                + person.id()
                + " works at "
                + person.agency()
                + ", which chairs or vice-chairs no period of the rota "
                + rota);
      }
      if (ids.putIfAbsent(person.id(), person) != null) {
        throw new IllegalArgumentException("duplicate person id " + person.id());
      }
      String other = emails.putIfAbsent(person.email(), person.id());
      if (other != null) {
        throw new IllegalArgumentException(
            "persons " + other + " and " + person.id() + " share the e-mail " + person.email());
      }
    }
    this.byId = Map.copyOf(ids);
    this.ordered = List.copyOf(ids.values());
  }

  /** The bundled directory, checked against the bundled roster. */
  public static People load() {
    return load(Roster.load());
  }

  /** The bundled directory, checked against a roster. */
  public static People load(Roster roster) {
    try (InputStream in = People.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      return parse(in, roster);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory from a YAML file in the bundled file's format, checked against a roster. */
  public static People load(Path file, Roster roster) {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in, roster);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read people from " + file, e);
    }
  }

  static People parse(InputStream yaml, Roster roster) {
    ObjectMapper mapper =
        YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    PeopleFile file = mapper.readValue(yaml, PeopleFile.class);
    return new People(file.people() == null ? List.of() : file.people(), roster);
  }

  /** The person with this login name (case-insensitive), if any. */
  public Optional<Person> byId(String id) {
    return Optional.ofNullable(id).map(i -> byId.get(i.strip().toLowerCase(Locale.ROOT)));
  }

  /** Everyone, in the file's order. */
  public List<Person> all() {
    return ordered;
  }

  record PeopleFile(List<Person> people) {}
}
