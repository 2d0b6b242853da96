package org.ungis.contributions.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ContributionTest {

  static final Actor ITU = new Actor("ITU", "jane.doe@itu.int");
  static final Actor UNDP = new Actor("UNDP", "john@undp.org");
  static final Instant T0 = Instant.parse("2023-03-01T10:00:00Z");

  static Content content(String title) {
    return new Content(title, "", "body of " + title, Language.EN, List.of(), List.of(), List.of());
  }

  static ContributionChange.Meta meta(Actor actor, int minutes) {
    return new ContributionChange.Meta(UUID.randomUUID(), T0.plusSeconds(60L * minutes), actor);
  }

  static Review decision(int revision, Decision decision, Decision outcome, int minutes) {
    return new Review(
        UUID.randomUUID(),
        "UNDP",
        "chair@undp.org",
        "CHAIR",
        decision,
        "comment",
        outcome,
        revision,
        false,
        T0.plusSeconds(60L * minutes));
  }

  static Contribution submitted() {
    Contribution c = Contribution.submit(meta(ITU, 0), "c-1", "gdc-2023", content("First"));
    c.pullChanges();
    return c;
  }

  @Test
  void submissionStartsAtRevisionOneAndRecordsTheEvent() {
    Contribution c = Contribution.submit(meta(ITU, 0), "c-1", "gdc-2023", content("First"));

    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.revision()).isEqualTo(1);
    assertThat(c.agency()).isEqualTo("ITU");
    assertThat(c.submittedAt()).isEqualTo(T0);
    assertThat(c.pullChanges())
        .singleElement()
        .isInstanceOfSatisfying(
            ContributionChange.Submitted.class,
            s -> {
              assertThat(s.revision()).isEqualTo(1);
              assertThat(s.content().title()).isEqualTo("First");
            });
    assertThat(c.pullChanges()).isEmpty();
  }

  @Test
  void revisingWhileSubmittedAddsARevision() {
    Contribution c = submitted();

    c.revise(meta(ITU, 5), content("Second"), "typo");

    assertThat(c.revision()).isEqualTo(2);
    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.content().title()).isEqualTo("Second");
    assertThat(c.updatedAt()).isEqualTo(T0.plusSeconds(300));
    assertThat(c.changes()).isEqualTo(2);
    assertThat(c.pullChanges())
        .singleElement()
        .isInstanceOfSatisfying(
            ContributionChange.Revised.class, r -> assertThat(r.note()).isEqualTo("typo"));
  }

  @Test
  void changesRequestedOnTheCurrentRevisionThenARevisionGoesBackToSubmitted() {
    Contribution c = submitted();

    c.applyDecision(decision(1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, 10));
    assertThat(c.status()).isEqualTo(ContributionStatus.CHANGES_REQUESTED);

    c.revise(meta(ITU, 20), content("Better"), null);
    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.revision()).isEqualTo(2);
    assertThat(c.reviews()).singleElement().extracting(Review::stale).isEqualTo(true);
  }

  @Test
  void approvalAndRejectionEndTheRound() {
    Contribution approved = submitted();
    approved.applyDecision(decision(1, Decision.APPROVED, Decision.APPROVED, 1));
    assertThat(approved.status()).isEqualTo(ContributionStatus.APPROVED);

    Contribution rejected = submitted();
    rejected.applyDecision(decision(1, Decision.REJECTED, Decision.REJECTED, 1));
    assertThat(rejected.status()).isEqualTo(ContributionStatus.REJECTED);
  }

  @Test
  void anApprovalWithoutOutcomeWaitsForQuorum() {
    Contribution c = submitted();

    c.applyDecision(decision(1, Decision.APPROVED, null, 1));

    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.reviews()).hasSize(1);
  }

  @Test
  void aDecisionOnARevisionItDoesNotHaveYetIsRefusedAndChangesNothing() {
    Contribution c = submitted();
    assertThat(c.hasRevision(1)).isTrue();
    assertThat(c.hasRevision(2)).isFalse();

    assertThatThrownBy(() -> c.applyDecision(decision(2, Decision.APPROVED, Decision.APPROVED, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("revision 2");

    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.reviews()).isEmpty();
    assertThat(c.history()).hasSize(1);
  }

  @Test
  void aDecisionOnAnOlderRevisionIsStaleAndChangesNothing() {
    Contribution c = submitted();
    c.revise(meta(ITU, 1), content("Second"), null);

    c.applyDecision(decision(1, Decision.APPROVED, Decision.APPROVED, 2));

    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.reviews())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.stale()).isTrue();
              assertThat(r.revision()).isEqualTo(1);
            });
  }

  @Test
  void theSameDecisionEventIsAppliedOnce() {
    Contribution c = submitted();
    Review review = decision(1, Decision.APPROVED, Decision.APPROVED, 1);

    c.applyDecision(review);
    c.applyDecision(review);

    assertThat(c.reviews()).hasSize(1);
  }

  @Test
  void approvedRejectedAndWithdrawnCannotBeRevised() {
    Contribution approved = submitted();
    approved.applyDecision(decision(1, Decision.APPROVED, Decision.APPROVED, 1));
    Contribution rejected = submitted();
    rejected.applyDecision(decision(1, Decision.REJECTED, Decision.REJECTED, 1));
    Contribution withdrawn = submitted();
    withdrawn.withdraw(meta(ITU, 1), "no longer relevant");

    for (Contribution c : List.of(approved, rejected, withdrawn)) {
      assertThatThrownBy(() -> c.revise(meta(ITU, 2), content("x"), null))
          .isInstanceOfSatisfying(
              RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT));
    }
  }

  @Test
  void withdrawalIsAllowedFromSubmittedChangesRequestedAndApproved() {
    Contribution changesRequested = submitted();
    changesRequested.applyDecision(
        decision(1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, 1));
    Contribution approved = submitted();
    approved.applyDecision(decision(1, Decision.APPROVED, Decision.APPROVED, 1));

    for (Contribution c : List.of(submitted(), changesRequested, approved)) {
      c.withdraw(meta(ITU, 5), "merged into another input");
      assertThat(c.status()).isEqualTo(ContributionStatus.WITHDRAWN);
      assertThat(c.withdrawalReason()).isEqualTo("merged into another input");
      assertThat(c.revision()).isEqualTo(1);
    }
  }

  @Test
  void rejectedAndWithdrawnAreFinal() {
    Contribution rejected = submitted();
    rejected.applyDecision(decision(1, Decision.REJECTED, Decision.REJECTED, 1));
    assertThatThrownBy(() -> rejected.withdraw(meta(ITU, 2), "why not"))
        .isInstanceOfSatisfying(
            RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.CONFLICT));

    Contribution withdrawn = submitted();
    withdrawn.withdraw(meta(ITU, 1), "first");
    assertThatThrownBy(() -> withdrawn.withdraw(meta(ITU, 2), "again"))
        .isInstanceOf(RefusedException.class);
    withdrawn.applyDecision(decision(1, Decision.APPROVED, Decision.APPROVED, 3));
    assertThat(withdrawn.status()).isEqualTo(ContributionStatus.WITHDRAWN);
  }

  @Test
  void aWithdrawalNeedsAReason() {
    assertThatThrownBy(() -> submitted().withdraw(meta(ITU, 1), " "))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e -> {
              assertThat(e.refusal()).isEqualTo(Refusal.VALIDATION);
              assertThat(e.errors()).extracting(FieldError::field).containsExactly("reason");
            });
  }

  @Test
  void onlyTheOwningAgencyMayReviseOrWithdraw() {
    Contribution c = submitted();

    assertThatThrownBy(() -> c.revise(meta(UNDP, 1), content("mine now"), null))
        .isInstanceOfSatisfying(
            RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_FOUND));
    assertThatThrownBy(() -> c.withdraw(meta(UNDP, 1), "no"))
        .isInstanceOfSatisfying(
            RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.NOT_FOUND));
    assertThat(c.revision()).isEqualTo(1);
  }

  @Test
  void anExpectedRevisionOtherThanTheCurrentIsStale() {
    Contribution c = submitted();
    c.checkRevision(1);
    c.checkRevision(null);
    assertThatThrownBy(() -> c.checkRevision(2))
        .isInstanceOfSatisfying(
            RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.STALE_REVISION));
  }

  @Test
  void stateRoundTripsThroughRestore() {
    Contribution c = submitted();
    c.applyDecision(decision(1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, 1));
    c.revise(meta(ITU, 2), content("Two"), null);

    Contribution restored = Contribution.restore(c.state());

    assertThat(restored.state()).isEqualTo(c.state());
    assertThat(restored.pullChanges()).isEmpty();
  }

  @Test
  void theHistoryKeepsEveryChangeDecisionAndRefusalInOrder() {
    Contribution c = submitted();
    c.applyDecision(decision(1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, 1));
    c.revise(meta(ITU, 2), content("Second"), "cites sources");
    RefusedDecision refused =
        new RefusedDecision(
            UUID.randomUUID(),
            "ITU",
            "reviewer-1@itu.int",
            "VICE_CHAIR",
            Decision.APPROVED,
            "RECUSAL",
            "ITU may not decide on its own contribution",
            2,
            T0.plusSeconds(180));
    c.recordRefusedDecision(refused);
    c.recordRefusedDecision(refused);
    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.revision()).isEqualTo(2);
    c.withdraw(meta(ITU, 4), "merged");

    List<HistoryEntry> history = Contribution.restore(c.state()).history();
    assertThat(history)
        .extracting(HistoryEntry::kind)
        .containsExactly(
            HistoryEntry.Kind.SUBMITTED,
            HistoryEntry.Kind.DECISION_RECORDED,
            HistoryEntry.Kind.REVISED,
            HistoryEntry.Kind.DECISION_REFUSED,
            HistoryEntry.Kind.WITHDRAWN);
    assertThat(history.get(0).actorPrincipal()).isEqualTo("jane.doe@itu.int");
    assertThat(history.get(0).actorRole()).isEqualTo("AGENCY");
    assertThat(history.get(1).actorAgency()).isEqualTo("UNDP");
    assertThat(history.get(1).actorRole()).isEqualTo("CHAIR");
    assertThat(history.get(1).outcome()).isEqualTo(Decision.CHANGES_REQUESTED);
    assertThat(history.get(2).note()).isEqualTo("cites sources");
    assertThat(history.get(2).revision()).isEqualTo(2);
    assertThat(history.get(3).reason()).isEqualTo("RECUSAL");
    assertThat(history.get(3).decision()).isEqualTo(Decision.APPROVED);
    assertThat(history.get(3).actorRole()).isEqualTo("VICE_CHAIR");
    assertThat(history.get(4).reason()).isEqualTo("merged");
    assertThat(history).extracting(HistoryEntry::eventId).doesNotHaveDuplicates();
  }

  @Test
  void itsAgencyAndReviewersMayReadItNobodyElse() {
    Contribution c = submitted();

    Actor reviewer = new Actor("UNCTAD", "r@unctad.int", java.util.Set.of(Actor.Role.REVIEWER));
    c.checkReadableBy(ITU, false);
    c.checkReadableBy(reviewer, true);
    assertThatThrownBy(() -> c.checkReadableBy(reviewer, false))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.NOT_FOUND);
    assertThatThrownBy(() -> c.checkReadableBy(UNDP, false))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.NOT_FOUND);
    assertThatThrownBy(() -> c.checkReadableBy(new Actor("ITU", "x", java.util.Set.of()), true))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.NOT_FOUND);
  }
}
