package org.ungis.review.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.ungis.reference.Roster;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;

class CallForInputsTest {

  static final Instant NOW = Instant.parse("2023-02-01T09:00:00Z");
  static final Instant DEADLINE = Instant.parse("2023-03-31T23:59:59Z");
  static final Actor ITU = new Actor("ITU", "chair@itu.int");
  static final Actor UNESCO = new Actor("UNESCO", "vice@unesco.org");
  static final Actor FAO = new Actor("FAO", "someone@fao.org");

  final Rota rota = new Rota(Roster.load());

  CallForInputs gdc() {
    return CallForInputs.open(
        rota, ITU, "gdc-2023", "UNGIS joint input to the GDC", "Inputs", DEADLINE, null, NOW);
  }

  @Test
  void aChairOpensACallWithOneRequiredApprovalByDefault() {
    CallForInputs call = gdc();
    assertThat(call.state()).isEqualTo(CallState.OPEN);
    assertThat(call.requiredApprovals()).isEqualTo(1);
    assertThat(call.deadlineFor("FAO")).isEqualTo(DEADLINE);
  }

  @Test
  void aViceChairMayOpenAndCloseButAnAgencyOffTheRotaMayNot() {
    CallForInputs call =
        CallForInputs.open(rota, UNESCO, "hlpf-2023", "HLPF", "", DEADLINE, 2, NOW);
    assertThat(call.close(rota, UNESCO, NOW).state()).isEqualTo(CallState.CLOSED);
    assertThatThrownBy(
            () -> CallForInputs.open(rota, FAO, "igf-2023", "IGF", "", DEADLINE, null, NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.NOT_ON_ROTA));
    assertThatThrownBy(() -> call.close(rota, FAO, NOW)).isInstanceOf(RuleViolation.class);
  }

  @Test
  void aClosedCallIsFinalALaterSnapshotMayNotReopenIt() {
    CallForInputs open = gdc();
    CallForInputs closed = open.close(rota, ITU, NOW);
    CallForInputs extended =
        open.grantExtension(rota, ITU, "FAO", DEADLINE.plusSeconds(3600), "travel", NOW);

    assertThat(open.followedBy(extended)).isEqualTo(extended);
    assertThat(open.followedBy(closed)).isEqualTo(closed);
    assertThat(closed.followedBy(closed)).isEqualTo(closed);
    assertThatThrownBy(() -> closed.followedBy(extended))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.CALL_CLOSED));
  }

  @Test
  void closingTwiceConflicts() {
    CallForInputs closed = gdc().close(rota, ITU, NOW);
    assertThatThrownBy(() -> closed.close(rota, ITU, NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class,
            v -> {
              assertThat(v.kind()).isEqualTo(RuleViolation.Kind.CONFLICT);
              assertThat(v.reason()).isEqualTo(Reasons.CALL_CLOSED);
            });
  }

  @Test
  void badFieldsAreNamed() {
    assertField(
        () -> CallForInputs.open(rota, ITU, "GDC 2023", "t", "", DEADLINE, null, NOW), "id");
    assertField(
        () -> CallForInputs.open(rota, ITU, "gdc-2023", " ", "", DEADLINE, null, NOW), "title");
    assertField(
        () -> CallForInputs.open(rota, ITU, "gdc-2023", "t", "", NOW.minusSeconds(1), null, NOW),
        "deadline");
    assertField(
        () -> CallForInputs.open(rota, ITU, "gdc-2023", "t", "", DEADLINE, 0, NOW),
        "requiredApprovals");
    // five agencies on the 2023 rota: one may recuse, so at most four approvals can be asked for
    assertField(
        () -> CallForInputs.open(rota, ITU, "gdc-2023", "t", "", DEADLINE, 5, NOW),
        "requiredApprovals");
    assertThat(
            CallForInputs.open(rota, ITU, "gdc-2023", "t", "", DEADLINE, 4, NOW)
                .requiredApprovals())
        .isEqualTo(4);
  }

  @Test
  void onlyAChairGrantsAnExtensionToAMemberAgency() {
    Instant later = DEADLINE.plusSeconds(7 * 86_400);
    CallForInputs extended = gdc().grantExtension(rota, ITU, "FAO", later, "mission travel", NOW);
    assertThat(extended.deadlineFor("FAO")).isEqualTo(later);
    assertThat(extended.deadlineFor("ILO")).isEqualTo(DEADLINE);
    assertThat(extended.extensions())
        .containsExactly(new Extension("FAO", later, "mission travel"));

    Instant evenLater = later.plusSeconds(86_400);
    assertThat(extended.grantExtension(rota, ITU, "FAO", evenLater, "again", NOW).extensions())
        .containsExactly(new Extension("FAO", evenLater, "again"));

    assertThatThrownBy(() -> gdc().grantExtension(rota, UNESCO, "FAO", later, "", NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.NOT_CHAIR));
    assertField(() -> gdc().grantExtension(rota, ITU, "ACME", later, "", NOW), "agency");
    assertField(() -> gdc().grantExtension(rota, ITU, "FAO", DEADLINE, "", NOW), "deadline");
    CallForInputs closed = gdc().close(rota, ITU, NOW);
    assertThatThrownBy(() -> closed.grantExtension(rota, ITU, "FAO", later, "", NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.CALL_CLOSED));
  }

  private static void assertField(Runnable action, String field) {
    assertThatThrownBy(action::run)
        .isInstanceOfSatisfying(
            RuleViolation.class,
            v -> {
              assertThat(v.kind()).isEqualTo(RuleViolation.Kind.INVALID);
              assertThat(v.field()).isEqualTo(field);
            });
  }

  @Test
  void theJointInputHasASymbolALanguageAndTheChairsRuleOnWithdrawalsAfterClosure() {
    CallForInputs defaults = gdc();
    CallForInputs chosen =
        CallForInputs.open(
            rota,
            ITU,
            "gdc-2023",
            "GDC",
            "",
            DEADLINE,
            null,
            "UNGIS/2023/GDC/1",
            "fr",
            "corrigendum",
            NOW);

    assertThat(defaults.document()).isEqualTo(JointInput.DEFAULT);
    assertThat(chosen.document().symbol()).isEqualTo("UNGIS/2023/GDC/1");
    assertThat(chosen.document().language()).isEqualTo("FR");
    assertThat(chosen.document().withdrawalAfterClosure()).isEqualTo(WithdrawalRule.CORRIGENDUM);
    assertThat(
            CallForInputs.open(
                    rota, ITU, "gdc-2023", "GDC", "", DEADLINE, null, null, null, null, NOW)
                .document()
                .symbol())
        .isEqualTo("UNGIS/2023/GDC-2023");
    assertThatThrownBy(
            () ->
                CallForInputs.open(
                    rota, ITU, "gdc-2023", "GDC", "", DEADLINE, null, "<h1>", "EN", null, NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.field()).isEqualTo("symbol"));
    assertThatThrownBy(
            () ->
                CallForInputs.open(
                    rota, ITU, "gdc-2023", "GDC", "", DEADLINE, null, null, "DE", null, NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.field()).isEqualTo("language"));
  }

  @Test
  void onlyAChairWritesTheFramingAndMayCorrectItAfterTheClosure() {
    CallForInputs framed = gdc().withFraming(rota, ITU, "Intro", "Closing words", NOW);
    assertThat(framed.document().introduction()).isEqualTo("Intro");
    assertThat(framed.document().conclusion()).isEqualTo("Closing words");
    assertThatThrownBy(() -> framed.withFraming(rota, UNESCO, "x", null, NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.NOT_CHAIR));

    CallForInputs corrected =
        framed.close(rota, ITU, NOW).withFraming(rota, ITU, "Corrected intro", null, NOW);
    assertThat(corrected.document().introduction()).isEqualTo("Corrected intro");
    assertThat(corrected.document().conclusion()).isEqualTo("Closing words");
  }

  @Test
  void theLanguageIsFixedAtTheClosureButTheWithdrawalRuleIsNot() {
    CallForInputs closed = gdc().close(rota, ITU, NOW);
    assertThat(
            closed
                .withDocumentSettings(rota, ITU, null, "CORRIGENDUM", NOW)
                .document()
                .withdrawalAfterClosure())
        .isEqualTo(WithdrawalRule.CORRIGENDUM);
    assertThatThrownBy(() -> closed.withDocumentSettings(rota, ITU, "ES", null, NOW))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.CALL_CLOSED));
  }
}
