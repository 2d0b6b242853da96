package org.ungis.registry.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ungis.registry.server.core.CompatibilityLevel.BACKWARD;
import static org.ungis.registry.server.core.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static org.ungis.registry.server.core.CompatibilityLevel.FORWARD;
import static org.ungis.registry.server.core.CompatibilityLevel.FORWARD_TRANSITIVE;
import static org.ungis.registry.server.core.CompatibilityLevel.FULL;
import static org.ungis.registry.server.core.CompatibilityLevel.FULL_TRANSITIVE;
import static org.ungis.registry.server.core.CompatibilityLevel.NONE;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.ungis.registry.server.core.CompatibilityChecker.Earlier;

class CompatibilityCheckerTest {

  /** change, level, compatible?, field named when not. */
  static List<Arguments> evolutionAgainstV1() {
    List<Arguments> cases = new ArrayList<>();
    add(cases, "add optional field", Evolution.ADD_OPTIONAL, "", true, true);
    add(cases, "add required field", Evolution.ADD_REQUIRED, "language", false, true);
    add(cases, "remove field", Evolution.REMOVE_PAGES, "pages", true, false);
    add(cases, "rename with alias", Evolution.RENAME_WITH_ALIAS, "title", true, false);
    add(cases, "change int to string", Evolution.PAGES_AS_STRING, "pages", false, false);
    add(cases, "widen int to long", Evolution.PAGES_AS_LONG, "pages", true, false);
    return cases;
  }

  private static void add(
      List<Arguments> cases,
      String change,
      String schema,
      String field,
      boolean backward,
      boolean forward) {
    cases.add(Arguments.of(change, schema, BACKWARD, backward, field));
    cases.add(Arguments.of(change, schema, BACKWARD_TRANSITIVE, backward, field));
    cases.add(Arguments.of(change, schema, FORWARD, forward, field));
    cases.add(Arguments.of(change, schema, FORWARD_TRANSITIVE, forward, field));
    cases.add(Arguments.of(change, schema, FULL, backward && forward, field));
    cases.add(Arguments.of(change, schema, FULL_TRANSITIVE, backward && forward, field));
    cases.add(Arguments.of(change, schema, NONE, true, field));
  }

  @ParameterizedTest(name = "{0} under {2}: compatible={3}")
  @MethodSource("evolutionAgainstV1")
  void appliesEachLevelToARealisticEvolution(
      String change, String schema, CompatibilityLevel level, boolean compatible, String field) {
    List<String> messages =
        CompatibilityChecker.check(
            level, parse(schema), List.of(new Earlier(1, parse(Evolution.V1))));

    assertThat(messages.isEmpty()).as(String.join("\n", messages)).isEqualTo(compatible);
    if (!compatible) {
      assertThat(messages.get(0)).contains("field '" + field + "'");
      assertThat(messages).contains("{oldSchemaVersion: 1}", "{compatibility: '" + level + "'}");
    }
  }

  @Test
  void backwardChecksOnlyTheLatestButTransitiveChecksEveryVersion() {
    List<Earlier> history =
        List.of(
            new Earlier(1, parse(Evolution.V1)),
            new Earlier(2, parse(Evolution.LANGUAGE_WITH_DEFAULT)));
    var languageRequired = parse(Evolution.ADD_REQUIRED);

    assertThat(CompatibilityChecker.check(BACKWARD, languageRequired, history)).isEmpty();
    assertThat(CompatibilityChecker.check(BACKWARD_TRANSITIVE, languageRequired, history))
        .first()
        .asString()
        .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
        .contains("field 'language'");
  }

  @Test
  void forwardChecksOnlyTheLatestButTransitiveChecksEveryVersion() {
    List<Earlier> history =
        List.of(
            new Earlier(1, parse(Evolution.V1)),
            new Earlier(2, parse(Evolution.PAGES_WITH_DEFAULT)));
    var withoutPages = parse(Evolution.REMOVE_PAGES);

    assertThat(CompatibilityChecker.check(FORWARD, withoutPages, history)).isEmpty();
    assertThat(CompatibilityChecker.check(FULL, withoutPages, history)).isEmpty();
    assertThat(CompatibilityChecker.check(FORWARD_TRANSITIVE, withoutPages, history))
        .first()
        .asString()
        .contains("field 'pages'")
        .contains("old schema has no default value");
    assertThat(CompatibilityChecker.check(FULL_TRANSITIVE, withoutPages, history))
        .anyMatch(message -> message.contains("field 'pages'"));
  }

  @Test
  void namesANestedFieldByItsPath() {
    String v1 =
        "{\"type\":\"record\",\"name\":\"Outer\",\"fields\":[{\"name\":\"author\",\"type\":"
            + "{\"type\":\"record\",\"name\":\"Author\",\"fields\":[{\"name\":\"age\",\"type\":\"int\"}]}}]}";
    String v2 = v1.replace("\"int\"", "\"string\"");

    assertThat(CompatibilityChecker.check(BACKWARD, parse(v2), List.of(new Earlier(1, parse(v1)))))
        .first()
        .asString()
        .contains("TYPE_MISMATCH")
        .contains("field 'author.age'");
  }

  @Test
  void anythingIsCompatibleWithAnEmptySubject() {
    assertThat(CompatibilityChecker.check(FULL_TRANSITIVE, parse(Evolution.V1), List.of()))
        .isEmpty();
  }

  private static org.apache.avro.Schema parse(String text) {
    return ParsedSchema.parse(text, false).schema();
  }
}
