package org.ungis.review.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ungis.reference.ReviewerRole;
import org.ungis.reference.Roster;

class RotaTest {

  static final Instant IN_2023 = Instant.parse("2023-06-01T10:00:00Z");
  static final Instant IN_2024 = Instant.parse("2024-12-31T23:59:59Z");
  static final Instant IN_2025 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant IN_2026 = Instant.parse("2026-11-29T12:00:00Z");
  static final Instant BEFORE = Instant.parse("2022-12-31T23:59:59Z");

  final Rota rota = new Rota(Roster.load());

  @Test
  void theRotaOf2023To2024HasChairsItuAndUndpAndThreeViceChairs() {
    assertThat(rota.roleAt("ITU", IN_2023)).contains(ReviewerRole.CHAIR);
    assertThat(rota.roleAt("UNDP", IN_2024)).contains(ReviewerRole.CHAIR);
    assertThat(rota.roleAt("UNESCO", IN_2023)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNCTAD", IN_2023)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNESCAP", IN_2024)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNESCWA", IN_2023)).isEmpty();
    assertThat(rota.reviewingAgenciesAt(IN_2023)).isEqualTo(5);
  }

  @Test
  void theRotaOf2025To2026HasChairUnctadAndFourViceChairs() {
    assertThat(rota.roleAt("UNCTAD", IN_2025)).contains(ReviewerRole.CHAIR);
    assertThat(rota.roleAt("ITU", IN_2025)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNDP", IN_2026)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNESCO", IN_2026)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNESCWA", IN_2026)).contains(ReviewerRole.VICE_CHAIR);
    assertThat(rota.roleAt("UNESCAP", IN_2025)).isEmpty();
  }

  @Test
  void theRoleIsTheOneOfThePeriodContainingTheInstant() {
    Actor escap = new Actor("UNESCAP", "a@unescap.org");
    assertThat(rota.requireReviewer(escap, IN_2024)).isEqualTo(ReviewerRole.VICE_CHAIR);
    assertThatThrownBy(() -> rota.requireReviewer(escap, IN_2025))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.NOT_ON_ROTA))
        .hasMessageContaining("UNESCAP is not a chair or vice-chair");
  }

  @Test
  void nobodyReviewsOutsideEveryPeriod() {
    assertThatThrownBy(() -> rota.requireReviewer(new Actor("ITU", "p"), BEFORE))
        .isInstanceOf(RuleViolation.class)
        .hasMessageContaining("no rota period contains");
  }

  @Test
  void onlyAChairIsAChair() {
    rota.requireChair(new Actor("UNCTAD", "p"), IN_2025);
    assertThatThrownBy(() -> rota.requireChair(new Actor("ITU", "p"), IN_2025))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            v -> {
              assertThat(v.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
              assertThat(v.reason()).isEqualTo(Reasons.NOT_CHAIR);
            });
  }
}
