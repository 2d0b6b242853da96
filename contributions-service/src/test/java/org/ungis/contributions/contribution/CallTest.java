package org.ungis.contributions.contribution;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallTest {

  static final Instant DEADLINE = Instant.parse("2023-04-30T23:59:59Z");

  @Test
  void submissionsAreAcceptedUntilTheDeadlineInclusive() {
    Call call = new Call("gdc-2023", "GDC", true, DEADLINE, Map.of());

    assertThatCode(() -> call.checkAcceptsSubmission("ITU", DEADLINE)).doesNotThrowAnyException();
    assertThatThrownBy(() -> call.checkAcceptsSubmission("ITU", DEADLINE.plusMillis(1)))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.refusal())
                    .isEqualTo(Refusal.DEADLINE_PASSED));
  }

  @Test
  void anExtensionHonoursOnlyItsAgency() {
    Call call =
        new Call("gdc-2023", "GDC", true, DEADLINE, Map.of("UNDP", DEADLINE.plusSeconds(86400)));

    assertThatCode(() -> call.checkAcceptsSubmission("UNDP", DEADLINE.plusSeconds(3600)))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> call.checkAcceptsSubmission("ITU", DEADLINE.plusSeconds(3600)))
        .isInstanceOf(RefusedException.class);
  }

  @Test
  void aClosedCallRefusesSubmissionsAndRevisions() {
    Call call = new Call("gdc-2023", "GDC", false, DEADLINE, Map.of());

    assertThatThrownBy(() -> call.checkAcceptsSubmission("ITU", DEADLINE.minusSeconds(1)))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.refusal())
                    .isEqualTo(Refusal.CALL_CLOSED));
    assertThatThrownBy(call::checkAcceptsRevision).isInstanceOf(RefusedException.class);
  }

  @Test
  void revisionsAreAllowedAfterTheDeadlineWhileOpen() {
    Call call = new Call("gdc-2023", "GDC", true, DEADLINE, Map.of());
    assertThatCode(call::checkAcceptsRevision).doesNotThrowAnyException();
  }

  @Test
  void aClosedCallRefusesAWithdrawalUnlessItsChairAllowsOneWithACorrigendum() {
    Call refusing = new Call("gdc-2023", "GDC", false, DEADLINE, Map.of());
    Call allowing = new Call("gdc-2023", "GDC", false, DEADLINE, Map.of(), true);
    Call open = new Call("gdc-2023", "GDC", true, DEADLINE, Map.of());

    assertThatThrownBy(refusing::checkAcceptsWithdrawal)
        .isInstanceOfSatisfying(
            RefusedException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.refusal())
                    .isEqualTo(Refusal.CALL_CLOSED));
    assertThatCode(allowing::checkAcceptsWithdrawal).doesNotThrowAnyException();
    assertThatCode(open::checkAcceptsWithdrawal).doesNotThrowAnyException();
  }
}
