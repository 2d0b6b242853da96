package org.ungis.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewRuleTest {

  @Test
  void aDecisionIsStaleExactlyWhenItsRevisionIsOlderThanTheCurrentOne() {
    assertThat(ReviewRule.isStale(1, 2)).isTrue();
    assertThat(ReviewRule.isStale(2, 2)).isFalse();
  }

  @Test
  void onlyAnOutcomeOnTheCurrentRevisionAwaitingOneMovesTheStatus() {
    assertThat(ReviewRule.movesStatus(2, true, 2, true)).isTrue();
    assertThat(ReviewRule.movesStatus(2, false, 2, true))
        .as("an approval short of quorum")
        .isFalse();
    assertThat(ReviewRule.movesStatus(1, true, 2, true)).as("stale").isFalse();
    assertThat(ReviewRule.movesStatus(2, true, 2, false)).as("decided or withdrawn").isFalse();
  }
}
