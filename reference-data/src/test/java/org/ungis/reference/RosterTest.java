package org.ungis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RosterTest {

  private final Roster roster = Roster.load();

  @Test
  void bundledRotaFor2023And2024HasItuAndUndpAsChairs() {
    Instant mid2023 = Instant.parse("2023-07-10T09:00:00Z");
    assertThat(roster.roleAt("ITU", mid2023)).contains(ReviewerRole.CHAIR);
    assertThat(roster.roleAt("UNDP", mid2023)).contains(ReviewerRole.CHAIR);
    assertThat(roster.roleAt("UNESCAP", mid2023)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(roster.roleAt("UNESCWA", mid2023)).isEmpty();
  }

  @Test
  void rotaChangesAtTheStartOf2025() {
    assertThat(roster.roleAt("UNCTAD", Instant.parse("2024-12-31T23:59:59Z")))
        .contains(ReviewerRole.VICE_CHAIR);
    assertThat(roster.roleAt("UNCTAD", Instant.parse("2025-01-01T00:00:00Z")))
        .contains(ReviewerRole.CHAIR);
    assertThat(roster.roleAt("UNESCWA", Instant.parse("2026-03-01T00:00:00Z")))
        .contains(ReviewerRole.VICE_CHAIR);
    assertThat(roster.roleAt("UNESCAP", Instant.parse("2026-03-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void outsideEveryPeriodNobodyMayReview() {
    assertThat(roster.periodAt(Instant.parse("2022-06-01T00:00:00Z"))).isEmpty();
    assertThat(roster.roleAt("ITU", Instant.parse("2022-06-01T00:00:00Z"))).isEmpty();
  }

  @Test
  void membersAreKnownByCodeWithTheirNames() {
    assertThat(roster.isMember("UNESCO")).isTrue();
    assertThat(roster.isMember("ACME")).isFalse();
    assertThat(roster.isMember(null)).isFalse();
    assertThat(roster.member("ITU").map(Member::name))
        .contains("International Telecommunication Union");
    assertThat(roster.members()).hasSizeGreaterThanOrEqualTo(30);
  }

  @Test
  void aRotaNamingAnUnknownMemberIsRefused() {
    String yaml =
        """
        members:
          - { code: ITU, name: International Telecommunication Union }
        periods:
          - { from: 2023-01-01T00:00:00Z, until: 2025-01-01T00:00:00Z, chairs: [ITU], viceChairs: [XYZ] }
        """;
    assertThatThrownBy(
            () -> Roster.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))))
        .hasMessageContaining("XYZ");
  }

  @Test
  void overlappingPeriodsAreRefused() {
    List<Member> members = List.of(new Member("ITU", "ITU"));
    Period a =
        new Period(
            Instant.parse("2023-01-01T00:00:00Z"),
            Instant.parse("2025-01-01T00:00:00Z"),
            Set.of("ITU"),
            Set.of());
    Period b =
        new Period(
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"),
            Set.of("ITU"),
            Set.of());
    assertThatThrownBy(() -> new Roster(members, List.of(a, b))).hasMessageContaining("overlap");
  }
}
