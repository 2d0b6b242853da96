package org.ungis.review.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.ungis.reference.ReviewerRole;
import org.ungis.reference.Roster;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;

class ReviewItemTest {

  static final Instant SUBMITTED = Instant.parse("2023-03-01T08:00:00Z");
  static final Instant NOW = Instant.parse("2023-04-03T10:00:00Z");
  static final Instant IN_2025 = Instant.parse("2025-04-03T10:00:00Z");
  static final Instant DEADLINE = Instant.parse("2023-12-31T23:59:59Z");

  static final Actor ITU = new Actor("ITU", "chair@itu.int");
  static final Actor UNDP = new Actor("UNDP", "chair@undp.org");
  static final Actor UNESCO = new Actor("UNESCO", "vice@unesco.org");
  static final Actor UNCTAD = new Actor("UNCTAD", "vice@unctad.org");
  static final Actor UNESCAP = new Actor("UNESCAP", "vice@unescap.org");
  static final Actor UNESCWA = new Actor("UNESCWA", "vice@unescwa.org");

  final Rota rota = new Rota(Roster.load());

  CallForInputs call(int requiredApprovals) {
    return CallForInputs.open(
        rota,
        ITU,
        "gdc-2023",
        "GDC",
        "",
        DEADLINE,
        requiredApprovals,
        Instant.parse("2023-01-10T00:00:00Z"));
  }

  static ReviewItem faoInput() {
    return ReviewItem.submitted("c-1", "gdc-2023", "FAO", 1, "Food systems", "summary", SUBMITTED);
  }

  /** Applies a decision as the view would once it is read back from the reviews topic. */
  static ReviewItem record(ReviewItem item, ReviewDecision d) {
    return item.recorded(
        UUID.randomUUID().toString(),
        d.revision(),
        d.reviewer(),
        d.role().name(),
        d.decision(),
        d.comment(),
        d.outcome(),
        d.at());
  }

  @Test
  void withTheDefaultQuorumOneApprovalApproves() {
    ReviewItem item = faoInput();
    assertThat(item.isPending()).isTrue();

    ReviewDecision d = item.decide(rota, ITU, 1, Verdict.APPROVED, null, call(1), NOW);
    assertThat(d.outcome()).isEqualTo(Verdict.APPROVED);
    assertThat(d.role()).isEqualTo(ReviewerRole.CHAIR);

    ReviewItem approved = record(item, d);
    assertThat(approved.status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(approved.isPending()).isFalse();
    assertThat(approved.isDecided()).isTrue();
    assertThat(approved.history()).hasSize(1);
  }

  @Test
  void theRotaIsThatOfThePeriodContainingTheDecision() {
    ReviewItem item = faoInput();
    // UNESCAP is a vice-chair in 2023-2024 only, UNESCWA in 2025-2026 only.
    assertThat(item.decide(rota, UNESCAP, 1, Verdict.APPROVED, null, call(1), NOW).role())
        .isEqualTo(ReviewerRole.VICE_CHAIR);
    assertRefused(
        () -> item.decide(rota, UNESCWA, 1, Verdict.APPROVED, null, call(1), NOW),
        RuleViolation.Kind.FORBIDDEN,
        Reasons.NOT_ON_ROTA);
    assertThat(item.decide(rota, UNESCWA, 1, Verdict.APPROVED, null, call(1), IN_2025).role())
        .isEqualTo(ReviewerRole.VICE_CHAIR);
    assertRefused(
        () -> item.decide(rota, UNESCAP, 1, Verdict.APPROVED, null, call(1), IN_2025),
        RuleViolation.Kind.FORBIDDEN,
        Reasons.NOT_ON_ROTA);
    assertThat(item.decide(rota, UNCTAD, 1, Verdict.APPROVED, null, call(1), IN_2025).role())
        .isEqualTo(ReviewerRole.CHAIR);
  }

  @Test
  void aReviewerMayNotDecideOnTheirOwnAgencysContribution() {
    ReviewItem ituInput =
        ReviewItem.submitted("c-2", "gdc-2023", "ITU", 1, "ITU input", "", SUBMITTED);
    assertRefused(
        () -> ituInput.decide(rota, ITU, 1, Verdict.APPROVED, null, call(1), NOW),
        RuleViolation.Kind.FORBIDDEN,
        Reasons.RECUSAL);
    assertThat(ituInput.decide(rota, UNDP, 1, Verdict.APPROVED, null, call(1), NOW).outcome())
        .isEqualTo(Verdict.APPROVED);
  }

  @Test
  void quorumOfTwoEndsAtOnceOnARejectionInBetween() {
    CallForInputs call = call(2);
    ReviewItem item = faoInput();

    ReviewDecision first = item.decide(rota, ITU, 1, Verdict.APPROVED, null, call, NOW);
    assertThat(first.outcome()).isNull();
    item = record(item, first);
    assertThat(item.isPending()).isTrue();
    assertThat(item.round().approvals()).extracting(Approval::agency).containsExactly("ITU");

    ReviewDecision rejection =
        item.decide(rota, UNDP, 1, Verdict.REJECTED, "out of scope", call, NOW);
    assertThat(rejection.outcome()).isEqualTo(Verdict.REJECTED);
    item = record(item, rejection);
    assertThat(item.status()).isEqualTo(ItemStatus.REJECTED);

    ReviewItem rejected = item;
    assertRefused(
        () -> rejected.decide(rota, UNESCO, 1, Verdict.APPROVED, null, call, NOW),
        RuleViolation.Kind.CONFLICT,
        Reasons.ALREADY_DECIDED);
  }

  @Test
  void quorumOfTwoNeedsTwoDifferentAgencies() {
    CallForInputs call = call(2);
    ReviewItem item =
        record(faoInput(), faoInput().decide(rota, ITU, 1, Verdict.APPROVED, null, call, NOW));

    ReviewItem once = item;
    Actor anotherItuReviewer = new Actor("ITU", "deputy@itu.int");
    assertRefused(
        () -> once.decide(rota, anotherItuReviewer, 1, Verdict.APPROVED, null, call, NOW),
        RuleViolation.Kind.CONFLICT,
        Reasons.AGENCY_ALREADY_APPROVED);

    ReviewDecision second = item.decide(rota, UNESCO, 1, Verdict.APPROVED, "fine", call, NOW);
    assertThat(second.outcome()).isEqualTo(Verdict.APPROVED);
    item = record(item, second);
    assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(item.round().approvals())
        .extracting(Approval::agency)
        .containsExactly("ITU", "UNESCO");
  }

  @Test
  void changesRequestedEndsTheRoundAndARevisionReentersTheQueue() {
    ReviewItem item = faoInput();
    item =
        record(
            item, item.decide(rota, ITU, 1, Verdict.CHANGES_REQUESTED, "add SDG 2", call(1), NOW));
    assertThat(item.status()).isEqualTo(ItemStatus.CHANGES_REQUESTED);
    assertThat(item.isPending()).isFalse();

    Instant revisedAt = NOW.plusSeconds(3600);
    item = item.revised(2, "Food systems (rev.)", "now with SDG 2", revisedAt);
    assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
    assertThat(item.isPending()).isTrue();
    assertThat(item.revision()).isEqualTo(2);
    assertThat(item.submittedAt()).isEqualTo(revisedAt);
    assertThat(item.firstSubmittedAt()).isEqualTo(SUBMITTED);
    assertThat(item.title()).isEqualTo("Food systems (rev.)");
  }

  @Test
  void aDecisionOnAnEarlierRevisionIsStale() {
    ReviewItem item = faoInput().revised(2, "t2", "s2", NOW);
    ReviewItem revised = item;
    assertRefused(
        () -> revised.decide(rota, ITU, 1, Verdict.APPROVED, null, call(1), NOW),
        RuleViolation.Kind.CONFLICT,
        Reasons.STALE_REVISION);
    assertRefused(
        () -> revised.decide(rota, ITU, 3, Verdict.APPROVED, null, call(1), NOW),
        RuleViolation.Kind.CONFLICT,
        Reasons.UNKNOWN_REVISION);
  }

  @Test
  void aNewRevisionClearsEarlierApprovals() {
    CallForInputs call = call(2);
    ReviewItem item = faoInput();
    ReviewDecision ituOnRev1 = item.decide(rota, ITU, 1, Verdict.APPROVED, null, call, NOW);
    item = record(item, ituOnRev1).revised(2, "t2", "s2", NOW.plusSeconds(60));
    assertThat(item.round().approvals()).isEmpty();
    assertThat(item.round().revision()).isEqualTo(2);

    // ITU's approval of revision 1 does not count for revision 2: it may approve again, and it
    // takes
    // a second agency to reach the quorum.
    ReviewDecision ituOnRev2 = item.decide(rota, ITU, 2, Verdict.APPROVED, null, call, NOW);
    assertThat(ituOnRev2.outcome()).isNull();
    item = record(item, ituOnRev2);
    assertThat(item.isPending()).isTrue();
    assertThat(item.history()).extracting(HistoryEntry::revision).containsExactly(1, 2);
  }

  @Test
  void aDecisionReadBackAfterARevisionIsKeptAsStaleAndChangesNothing() {
    ReviewItem item = faoInput();
    ReviewDecision onRev1 = item.decide(rota, ITU, 1, Verdict.APPROVED, null, call(1), NOW);
    item = record(item.revised(2, "t2", "s2", NOW), onRev1);
    assertThat(item.status()).isEqualTo(ItemStatus.SUBMITTED);
    assertThat(item.round().approvals()).isEmpty();
    assertThat(item.isStale(item.history().get(0))).isTrue();
  }

  @Test
  void aDecisionBecomesStaleWhenALaterRevisionArrivesAsContributionsServiceSays() {
    ReviewItem item = faoInput();
    ReviewDecision changes =
        item.decide(rota, ITU, 1, Verdict.CHANGES_REQUESTED, "Add figures", call(1), NOW);
    item = record(item, changes);
    assertThat(item.isStale(item.history().get(0))).isFalse();
    item = item.revised(2, "t2", "s2", NOW);
    assertThat(item.isStale(item.history().get(0))).isTrue();
  }

  @Test
  void nothingIsDecidedOnAWithdrawnContributionOrInAClosedCall() {
    ReviewItem withdrawn = faoInput().withdrawn();
    assertRefused(
        () -> withdrawn.decide(rota, ITU, 1, Verdict.APPROVED, null, call(1), NOW),
        RuleViolation.Kind.CONFLICT,
        Reasons.CONTRIBUTION_WITHDRAWN);
    assertThat(withdrawn.isPending()).isFalse();
    assertThat(withdrawn.isDecided()).isFalse();

    CallForInputs closed = call(1).close(rota, ITU, NOW);
    assertRefused(
        () -> faoInput().decide(rota, ITU, 1, Verdict.APPROVED, null, closed, NOW),
        RuleViolation.Kind.CONFLICT,
        Reasons.CALL_CLOSED);
  }

  @Test
  void aCommentIsRequiredUnlessApproving() {
    assertThatThrownBy(() -> faoInput().decide(rota, ITU, 1, Verdict.REJECTED, "  ", call(1), NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            v -> {
              assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
              assertThat(v.field()).isEqualTo("comment");
              assertThat(v.isRuleOfReview()).isFalse();
            });
  }

  @Test
  void aRefusalIsRecordedInTheHistoryWithItsReason() {
    ReviewItem item = faoInput();
    RuleViolation violation =
        RuleViolation.forbidden(Reasons.NOT_ON_ROTA, "UNESCWA is not on the rota");
    RefusedDecision refusal = item.refusal(rota, UNESCWA, 1, Verdict.APPROVED, violation, NOW);
    assertThat(refusal.role()).isEqualTo("AGENCY");
    assertThat(refusal.reason()).isEqualTo(Reasons.NOT_ON_ROTA);

    ReviewItem after =
        item.refused(
            "e-1",
            1,
            UNESCWA,
            refusal.role(),
            Verdict.APPROVED,
            refusal.reason(),
            refusal.message(),
            NOW);
    assertThat(after.history())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.refused()).isTrue();
              assertThat(h.reason()).isEqualTo(Reasons.NOT_ON_ROTA);
            });
    assertThat(after.isPending()).isTrue();
    assertThat(after.refused("e-1", 1, UNESCWA, "AGENCY", Verdict.APPROVED, "X", "", NOW))
        .isEqualTo(after);
  }

  @Test
  void impossibleFactsAreRejected() {
    assertThatThrownBy(() -> faoInput().revised(1, "t", "s", NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faoInput().withdrawn().revised(2, "t", "s", NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertRefused(
      ThrowingCallable action, RuleViolation.Kind kind, String reason) {
    assertThatThrownBy(action)
        .isInstanceOfSatisfying(
            RuleViolation.class,
            v -> {
              assertThat(v.kind()).isEqualTo(kind);
              assertThat(v.reason()).isEqualTo(reason);
              assertThat(v.isRuleOfReview()).isTrue();
            });
  }
}
