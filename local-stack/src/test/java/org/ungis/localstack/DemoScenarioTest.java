package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ungis.localstack.DemoScenario.Call;
import org.ungis.localstack.DemoScenario.Input;
import org.ungis.reference.Roster;

class DemoScenarioTest {

  private final Roster roster = Roster.load();

  @Test
  void everyInputGoesToADeclaredCallFromAMemberWithValidActionLinesAndGoals() {
    Set<String> calls = DemoScenario.CALLS.stream().map(Call::id).collect(Collectors.toSet());
    Set<String> actionLines =
        IntStream.rangeClosed(1, 11).mapToObj(i -> "C" + i).collect(Collectors.toSet());
    for (Input input : DemoScenario.INPUTS) {
      assertThat(calls).as(input.key()).contains(input.processId());
      assertThat(roster.isMember(input.agency())).as(input.key()).isTrue();
      assertThat(actionLines).as(input.key()).containsAll(input.actionLines());
      assertThat(input.sdgs()).as(input.key()).allSatisfy(sdg -> assertThat(sdg).isBetween(1, 17));
      assertThat(input.title()).isNotBlank();
      assertThat(input.body()).isNotBlank();
    }
  }

  @Test
  void oneInputPerAgencyAndCallSoThatARerunFindsWhatExists() {
    assertThat(DemoScenario.INPUTS.stream().map(Input::key)).doesNotHaveDuplicates();
  }

  @Test
  void theRequestForChangesComesWithItsRevisionAndTheRevisedInputIsApproved() {
    assertThat(DemoScenario.INPUTS)
        .filteredOn(input -> input.changesRequested() != null)
        .hasSize(1)
        .allSatisfy(
            input -> {
              assertThat(input.revisedBody()).isNotEqualTo(input.body());
              assertThat(input.revisionNote()).isNotBlank();
              assertThat(input.approve()).isTrue();
            });
  }

  @Test
  void thePublishedCallHasSeveralApprovalsAndSomeInputsStayInTheQueue() {
    assertThat(DemoScenario.INPUTS)
        .filteredOn(i -> i.processId().equals(DemoScenario.PUBLISHED) && i.approve())
        .hasSizeGreaterThanOrEqualTo(5);
    assertThat(DemoScenario.INPUTS).anyMatch(i -> !i.approve());
  }

  @Test
  void inThe2023RotaAndTodaysEveryApprovedInputHasAReviewerOfAnotherAgency() {
    for (Instant at : new Instant[] {Instant.parse("2023-01-09T09:00:00Z"), Instant.now()}) {
      var period = roster.periodAt(at);
      if (period.isEmpty()) {
        continue;
      }
      Set<String> reviewers = new java.util.HashSet<>(period.get().chairs());
      reviewers.addAll(period.get().viceChairs());
      for (Input input : DemoScenario.INPUTS) {
        assertThat(reviewers.stream().anyMatch(r -> !r.equals(input.agency())))
            .as("%s at %s", input.key(), at)
            .isTrue();
      }
      assertThat(period.get().chairs())
          .as("a chair other than UNECA requests the changes at %s", at)
          .anyMatch(chair -> !chair.equals("UNECA"));
    }
  }
}
