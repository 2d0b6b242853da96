package org.ungis.registry.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.ungis.registry.server.core.RegistryService.Registered;
import org.ungis.registry.server.core.RegistryService.Registration;

class RegistryServiceTest {

  private final RegistryState state = new RegistryState();
  private final InMemoryLog log = new InMemoryLog().readBy(state);
  private final RegistryService registry =
      new RegistryService(state, log, CompatibilityLevel.BACKWARD);

  private Registered register(String subject, String schema) {
    return registry.register(subject, new Registration(schema, null, null, null, false));
  }

  private static void assertRefused(ThrowingCallable call, ErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(RegistryException.class)
        .extracting(e -> ((RegistryException) e).errorCode())
        .isEqualTo(code);
  }

  @Test
  void registeringTheSameSchemaTwiceGivesTheSameIdAndVersion() {
    Registered first = register("a-value", Evolution.V1);
    Registered again = register("a-value", Evolution.V1.replace(",", " , "));

    assertThat(again).isEqualTo(first);
    assertThat(first).isEqualTo(new Registered(1, 1));
    assertThat(log.records).hasSize(1);
  }

  @Test
  void theSameSchemaUnderAnotherSubjectKeepsItsIdButStartsAtVersionOne() {
    register("a-value", Evolution.V1);
    Registered evolved = register("a-value", Evolution.ADD_OPTIONAL);
    Registered elsewhere = register("b-value", Evolution.ADD_OPTIONAL);

    assertThat(evolved).isEqualTo(new Registered(2, 2));
    assertThat(elsewhere).isEqualTo(new Registered(2, 1));
    assertThat(registry.versionsOfId(2, false))
        .containsExactly(Map.entry("a-value", 2), Map.entry("b-value", 1));
  }

  @Test
  void refusesAnIncompatibleSchemaNamingTheField() {
    register("a-value", Evolution.V1);

    assertThatThrownBy(() -> register("a-value", Evolution.ADD_REQUIRED))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("field 'language'")
        .extracting(e -> ((RegistryException) e).errorCode())
        .isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
    assertThat(registry.versions("a-value", false)).containsExactly(1);
  }

  @Test
  void refusesBadInputWithConfluentCodes() {
    assertRefused(() -> register("a-value", "{not avro"), ErrorCode.INVALID_SCHEMA);
    assertRefused(() -> register("a-value", ""), ErrorCode.INVALID_SCHEMA);
    assertRefused(
        () ->
            registry.register(
                "a-value", new Registration(Evolution.V1, "PROTOBUF", null, null, false)),
        ErrorCode.INVALID_SCHEMA);
    assertRefused(() -> registry.version("nope", "1", false), ErrorCode.SUBJECT_NOT_FOUND);
    register("a-value", Evolution.V1);
    assertRefused(() -> registry.version("a-value", "0", false), ErrorCode.INVALID_VERSION);
    assertRefused(() -> registry.version("a-value", "two", false), ErrorCode.INVALID_VERSION);
    assertRefused(() -> registry.version("a-value", "7", false), ErrorCode.VERSION_NOT_FOUND);
    assertRefused(() -> registry.schemaById(99), ErrorCode.SCHEMA_NOT_FOUND);
    assertRefused(() -> registry.setLevel(null, "SIDEWAYS"), ErrorCode.INVALID_COMPATIBILITY_LEVEL);
    assertRefused(() -> registry.setMode(null, "SOMETIMES", false), ErrorCode.INVALID_MODE);
    assertThat(log.records).hasSize(1);
  }

  @Test
  void latestAndMinusOneNameTheNewestLiveVersion() {
    register("a-value", Evolution.V1);
    register("a-value", Evolution.ADD_OPTIONAL);

    assertThat(registry.version("a-value", "latest", false).version()).isEqualTo(2);
    assertThat(registry.version("a-value", "-1", false).version()).isEqualTo(2);
  }

  @Test
  void softThenPermanentDeleteOfAVersionFollowsConfluentRules() {
    register("a-value", Evolution.V1);
    register("a-value", Evolution.ADD_OPTIONAL);

    assertRefused(
        () -> registry.deleteVersion("a-value", "1", true), ErrorCode.VERSION_NOT_SOFT_DELETED);
    assertThat(registry.deleteVersion("a-value", "1", false)).isEqualTo(1);
    assertRefused(
        () -> registry.deleteVersion("a-value", "1", false), ErrorCode.VERSION_SOFT_DELETED);
    assertThat(registry.versions("a-value", false)).containsExactly(2);
    assertThat(registry.versions("a-value", true)).containsExactly(1, 2);
    assertRefused(() -> registry.version("a-value", "1", false), ErrorCode.VERSION_NOT_FOUND);
    assertThat(registry.version("a-value", "1", true).id()).isEqualTo(1);
    assertThat(registry.schemaById(1).canonical()).contains("Contribution");

    assertThat(registry.deleteVersion("a-value", "1", true)).isEqualTo(1);
    assertThat(registry.versions("a-value", true)).containsExactly(2);
    assertRefused(() -> registry.schemaById(1), ErrorCode.SCHEMA_NOT_FOUND);
  }

  @Test
  void softThenPermanentDeleteOfASubjectFollowsConfluentRules() {
    register("a-value", Evolution.V1);
    register("a-value", Evolution.ADD_OPTIONAL);

    assertRefused(
        () -> registry.deleteSubject("a-value", true), ErrorCode.SUBJECT_NOT_SOFT_DELETED);
    assertThat(registry.deleteSubject("a-value", false)).containsExactly(1, 2);
    assertRefused(() -> registry.deleteSubject("a-value", false), ErrorCode.SUBJECT_SOFT_DELETED);
    assertThat(registry.subjects(null, false)).isEmpty();
    assertThat(registry.subjects(null, true)).containsExactly("a-value");
    assertRefused(() -> registry.versions("a-value", false), ErrorCode.SUBJECT_NOT_FOUND);
    assertThat(registry.schemaById(2).canonical()).contains("summary");

    assertThat(registry.deleteSubject("a-value", true)).containsExactly(1, 2);
    assertThat(registry.subjects(null, true)).isEmpty();
    assertRefused(() -> registry.deleteSubject("a-value", false), ErrorCode.SUBJECT_NOT_FOUND);
  }

  @Test
  void aPermanentlyDeletedIdIsNeverGivenToAnotherSchemaButComesBackForItsOwn() {
    register("a-value", Evolution.V1);
    registry.deleteSubject("a-value", false);
    registry.deleteSubject("a-value", true);

    assertThat(register("b-value", Schemas.other()).id()).isEqualTo(2);
    assertThat(register("c-value", Evolution.V1).id()).isEqualTo(1);
  }

  @Test
  void versionsContinueAfterSoftDeletion() {
    register("a-value", Evolution.V1);
    registry.deleteSubject("a-value", false);

    Registered again = register("a-value", Evolution.V1);

    assertThat(again).isEqualTo(new Registered(1, 2));
  }

  @Test
  void subjectConfigFallsBackToGlobalOnlyWhenAsked() {
    assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
    assertRefused(
        () -> registry.subjectLevel("a-value", false),
        ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED);
    assertThat(registry.subjectLevel("a-value", true)).isEqualTo(CompatibilityLevel.BACKWARD);

    registry.setLevel("a-value", "full");
    registry.setLevel(null, "NONE");

    assertThat(registry.subjectLevel("a-value", false)).isEqualTo(CompatibilityLevel.FULL);
    assertThat(registry.deleteLevel("a-value")).isEqualTo(CompatibilityLevel.FULL);
    assertThat(registry.subjectLevel("a-value", true)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.deleteLevel(null)).isEqualTo(CompatibilityLevel.NONE);
    assertThat(registry.globalLevel()).isEqualTo(CompatibilityLevel.BACKWARD);
  }

  @Test
  void readOnlyModeRefusesRegistrationAndImportNeedsAnEmptyRegistry() {
    register("a-value", Evolution.V1);
    registry.setMode(null, "READONLY", false);

    assertRefused(
        () -> register("a-value", Evolution.ADD_OPTIONAL), ErrorCode.OPERATION_NOT_PERMITTED);
    assertRefused(() -> registry.setMode(null, "IMPORT", false), ErrorCode.OPERATION_NOT_PERMITTED);
    registry.setMode(null, "READWRITE", false);
    assertThat(register("a-value", Evolution.ADD_OPTIONAL).version()).isEqualTo(2);
  }

  @Test
  void importModeKeepsTheGivenIdAndVersion() {
    registry.setMode(null, "IMPORT", false);

    Registered imported =
        registry.register("a-value", new Registration(Evolution.V1, "AVRO", 42, 7, false));

    assertThat(imported).isEqualTo(new Registered(42, 7));
    assertThat(registry.version("a-value", "7", false).id()).isEqualTo(42);
  }

  @Test
  void lookupFindsTheVersionOrSaysWhatIsMissing() {
    register("a-value", Evolution.V1);

    assertThat(registry.lookup("a-value", Evolution.V1, null, false, false).version()).isEqualTo(1);
    assertRefused(
        () -> registry.lookup("a-value", Evolution.ADD_OPTIONAL, null, false, false),
        ErrorCode.SCHEMA_NOT_FOUND);
    assertRefused(
        () -> registry.lookup("b-value", Evolution.V1, null, false, false),
        ErrorCode.SUBJECT_NOT_FOUND);
  }

  @Test
  void compatibilityChecksAnswerWithoutRegistering() {
    register("a-value", Evolution.V1);

    assertThat(
            registry.checkAgainstVersion("a-value", "latest", Evolution.ADD_OPTIONAL, null, false))
        .isEmpty();
    assertThat(registry.checkAgainstAll("a-value", Evolution.ADD_REQUIRED, null, true))
        .first()
        .asString()
        .contains("language");
    assertThat(registry.checkAgainstVersion("new-value", "latest", Evolution.V1, null, false))
        .isEmpty();
    assertRefused(
        () -> registry.checkAgainstVersion("a-value", "3", Evolution.V1, null, false),
        ErrorCode.VERSION_NOT_FOUND);
    assertThat(registry.checkAgainstAll("a-value", "{bad", null, true)).hasSize(1);
    assertThat(log.records).hasSize(1);
  }

  @Test
  void subjectsAreListedSortedAndByPrefix() {
    register("b-value", Evolution.V1);
    register("a-value", Evolution.V1);
    register("a-key", Schemas.other());

    assertThat(registry.subjects(null, false)).containsExactly("a-key", "a-value", "b-value");
    assertThat(registry.subjects("a-", false)).containsExactly("a-key", "a-value");
    assertThat(registry.subjectsOfId(1, false)).isEqualTo(List.of("a-value", "b-value"));
  }

  /** Another unrelated schema. */
  static final class Schemas {
    static String other() {
      return "{\"type\":\"record\",\"name\":\"Other\",\"fields\":[{\"name\":\"x\",\"type\":\"long\"}]}";
    }
  }
}
