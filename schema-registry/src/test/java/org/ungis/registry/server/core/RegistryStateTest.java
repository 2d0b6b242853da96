package org.ungis.registry.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ungis.registry.server.core.LogEntry.ConfigSet;
import org.ungis.registry.server.core.LogEntry.Removal;
import org.ungis.registry.server.core.LogEntry.SchemaClaim;
import org.ungis.registry.server.core.LogEntry.VersionDeleted;
import org.ungis.registry.server.core.RegistryService.Registration;

/** The log rules: the first claim in log order wins, and compaction never changes a replay. */
class RegistryStateTest {

  private static final ParsedSchema X = ParsedSchema.parse(Evolution.V1, false);
  private static final ParsedSchema Y = ParsedSchema.parse(Evolution.ADD_OPTIONAL, false);

  private static SchemaClaim claim(String subject, int version, int id, ParsedSchema schema) {
    return new SchemaClaim(subject, version, id, "AVRO", schema.canonical(), schema.fingerprint());
  }

  @Test
  void theFirstClaimForASubjectVersionWins() {
    RegistryState state = new RegistryState();
    SchemaClaim first = claim("s", 1, 1, X);
    SchemaClaim second = claim("s", 1, 2, Y);

    state.apply(first);
    state.apply(second);

    assertThat(state.holds(first)).isTrue();
    assertThat(state.holds(second)).isFalse();
    assertThat(state.liveLosers()).containsExactly(second.key());
    assertThat(state.schema(2)).isEmpty();
  }

  @Test
  void anIdNeverNamesTwoSchemasAndASchemaNeverHasTwoIds() {
    RegistryState state = new RegistryState();
    state.apply(claim("a", 1, 1, X));

    SchemaClaim sameIdOtherSchema = claim("b", 1, 1, Y);
    SchemaClaim sameSchemaOtherId = claim("c", 1, 2, X);
    state.apply(sameIdOtherSchema);
    state.apply(sameSchemaOtherId);

    assertThat(state.holds(sameIdOtherSchema)).isFalse();
    assertThat(state.holds(sameSchemaOtherId)).isFalse();
    assertThat(state.subjects(true)).containsExactly("a");
  }

  @Test
  void anIdenticalClaimIsTheSameClaim() {
    RegistryState state = new RegistryState();
    SchemaClaim claim = claim("s", 1, 1, X);

    state.apply(claim);
    state.apply(claim("s", 1, 1, X));

    assertThat(state.holds(claim)).isTrue();
    assertThat(state.liveLosers()).isEmpty();
  }

  @Test
  void losingClaimsLeftByACrashedWriterAreRemovedAtStartUp() {
    InMemoryLog log = new InMemoryLog();
    RegistryState state = new RegistryState();
    log.readBy(state);
    log.append(List.of(claim("s", 1, 1, X), claim("s", 1, 2, Y)));
    assertThat(state.liveLosers()).hasSize(1);

    new RegistryService(state, log, CompatibilityLevel.BACKWARD).removeLeftoverLosers();

    assertThat(state.liveLosers()).isEmpty();
    assertThat(log.compacted()).containsExactly(claim("s", 1, 1, X));
  }

  @Test
  void aLosingClaimStillThereAtTheNextSweepIsRemoved() {
    InMemoryLog log = new InMemoryLog();
    RegistryState state = new RegistryState();
    log.readBy(state);
    RegistryService registry = new RegistryService(state, log, CompatibilityLevel.BACKWARD);
    log.append(List.of(claim("s", 1, 1, X), claim("s", 1, 2, Y)));

    registry.removeStaleLosers();
    assertThat(state.liveLosers()).hasSize(1);
    registry.removeStaleLosers();

    assertThat(state.liveLosers()).isEmpty();
    assertThat(log.compacted()).containsExactly(claim("s", 1, 1, X));
  }

  @Test
  void aSoftDeleteSeenBeforeItsClaimStillApplies() {
    RegistryState state = new RegistryState();

    state.apply(new VersionDeleted("s", 1, 1));
    state.apply(claim("s", 1, 1, X));

    assertThat(state.versions("s", false)).isEmpty();
    assertThat(state.versions("s", true)).hasSize(1);
  }

  @Test
  void replayingTheCompactedLogGivesTheSameState() {
    InMemoryLog log = new InMemoryLog();
    RegistryState live = new RegistryState();
    log.readBy(live);
    RegistryService registry = new RegistryService(live, log, CompatibilityLevel.BACKWARD);

    // a race lost by a second instance, then cleaned up by it
    log.append(List.of(claim("race", 1, 1, X)));
    log.append(List.of(claim("race", 1, 2, Y)));
    log.append(List.of(new Removal(claim("race", 1, 2, Y).key())));
    // an identical claim written twice by two instances
    log.append(List.of(claim("race", 2, 2, Y)));
    log.append(List.of(claim("race", 2, 2, Y)));
    // ordinary life: registrations, config, soft and permanent deletes, re-registration
    register(registry, "a-value", Evolution.V1);
    register(registry, "a-value", Evolution.ADD_OPTIONAL);
    registry.setLevel("a-value", "FULL");
    registry.setLevel("a-value", "FULL_TRANSITIVE");
    registry.deleteVersion("a-value", "1", false);
    registry.deleteSubject("a-value", false);
    registry.deleteSubject("a-value", true);
    register(registry, "a-value", Evolution.ADD_OPTIONAL);
    register(registry, "b-value", Evolution.PAGES_AS_LONG);
    registry.deleteSubject("b-value", false);
    register(registry, "b-value", Evolution.PAGES_AS_LONG);
    log.append(List.of(new ConfigSet(null, CompatibilityLevel.NONE)));
    // a subject soft-deleted whole, then emptied version by version, then the first schema again
    register(registry, "c-value", Evolution.V1);
    register(registry, "c-value", Evolution.PAGES_AS_STRING);
    registry.deleteSubject("c-value", false);
    registry.deleteVersion("c-value", "1", true);
    registry.deleteVersion("c-value", "2", true);
    register(registry, "c-value", Evolution.V1);
    assertThat(live.versions("c-value", false)).hasSize(1);

    RegistryState replayed = InMemoryLog.replay(log.compacted());

    assertThat(snapshot(replayed)).isEqualTo(snapshot(live));
    assertThat(snapshot(InMemoryLog.replay(log.records))).isEqualTo(snapshot(live));
    assertThat(log.compacted().size()).isLessThan(log.records.size());
  }

  private static void register(RegistryService registry, String subject, String schema) {
    registry.register(subject, new Registration(schema, null, null, null, false));
  }

  private static List<String> snapshot(RegistryState state) {
    List<String> lines = new ArrayList<>();
    for (String subject : state.subjects(true)) {
      for (RegistryState.Version version : state.versions(subject, true)) {
        lines.add(subject + " " + version);
        lines.add("  id " + version.id() + " -> " + state.schema(version.id()).orElseThrow());
      }
      lines.add(subject + " level " + state.subjectLevel(subject));
    }
    lines.add("global " + state.globalLevel() + " " + state.globalMode());
    lines.add("next id " + state.nextId());
    lines.add("losers " + state.liveLosers());
    return lines;
  }
}
