package org.ungis.portal.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ungis.portal.api.Models.Actor;
import org.ungis.portal.api.Models.QueueItem;
import org.ungis.portal.api.Models.ReviewDecision;

class DecidedStatusTest {

  private static QueueItem item(int revision, String status, String... approvals) {
    return new QueueItem(
        "c-1",
        "UNESCO",
        "gdc-2023",
        revision,
        "Title",
        "Summary",
        Instant.parse("2026-12-01T10:00:00Z"),
        status,
        "SUBMITTED".equals(status) ? null : status,
        List.of(approvals));
  }

  private static DecidedStatus.Recorded recorded(
      int revision, String decision, String outcome, String agency) {
    return DecidedStatus.Recorded.of(
        new ReviewDecision(
            "e-1",
            revision,
            decision,
            null,
            outcome,
            new Actor(agency, "someone@" + agency, "VICE_CHAIR"),
            Instant.parse("2026-12-02T10:00:00Z"),
            false,
            null,
            false));
  }

  @Test
  void aViewThatHoldsTheDecisionIsShownAsItIs() {
    DecidedStatus shown =
        DecidedStatus.of(item(2, "APPROVED", "ITU"), recorded(2, "APPROVED", "APPROVED", "ITU"));

    assertThat(shown).isEqualTo(new DecidedStatus("APPROVED", 1));
  }

  @Test
  void aViewThatLagsShowsTheOutcomeReviewServiceAnswered() {
    DecidedStatus shown =
        DecidedStatus.of(item(1, "SUBMITTED"), recorded(1, "REJECTED", "REJECTED", "ITU"));

    assertThat(shown).isEqualTo(new DecidedStatus("REJECTED", 0));
  }

  @Test
  void anApprovalTheViewDoesNotShowYetCountsOnceWithoutAnOutcome() {
    DecidedStatus first =
        DecidedStatus.of(item(1, "SUBMITTED", "UNDP"), recorded(1, "APPROVED", null, "ITU"));
    DecidedStatus folded =
        DecidedStatus.of(item(1, "SUBMITTED", "UNDP", "ITU"), recorded(1, "APPROVED", null, "ITU"));

    assertThat(first).isEqualTo(new DecidedStatus("SUBMITTED", 2));
    assertThat(folded).isEqualTo(new DecidedStatus("SUBMITTED", 2));
  }

  @Test
  void anApprovalThatMeetsTheQuorumShowsTheInputApproved() {
    DecidedStatus shown =
        DecidedStatus.of(item(2, "SUBMITTED"), recorded(2, "APPROVED", "APPROVED", "ITU"));

    assertThat(shown).isEqualTo(new DecidedStatus("APPROVED", 1));
  }

  @Test
  void whatHappenedSinceTheDecisionWins() {
    // the focal point revised (revision 2) or withdrew after the changes were requested
    DecidedStatus revised =
        DecidedStatus.of(
            item(2, "SUBMITTED"), recorded(1, "CHANGES_REQUESTED", "CHANGES_REQUESTED", "ITU"));
    DecidedStatus withdrawn =
        DecidedStatus.of(
            item(1, "WITHDRAWN"), recorded(1, "CHANGES_REQUESTED", "CHANGES_REQUESTED", "ITU"));

    assertThat(revised).isEqualTo(new DecidedStatus("SUBMITTED", 0));
    assertThat(withdrawn).isEqualTo(new DecidedStatus("WITHDRAWN", 0));
  }

  @Test
  void aReloadShowsReviewServicesView() {
    assertThat(DecidedStatus.of(item(1, "CHANGES_REQUESTED"), null))
        .isEqualTo(new DecidedStatus("CHANGES_REQUESTED", 0));
  }
}
