package org.ungis.publication.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContributionTrackTest {

  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");

  ContributionTrack track = ContributionTrack.unknown("c1");

  static Content text(String title) {
    return new Content(title, "", "Body of " + title, "EN", List.of("C1"), List.of(9), List.of());
  }

  @Test
  void anApprovalOfTheCurrentRevisionEntersTheRecordWithThatText() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    track.textOf("gdc-2023", "ITU", 2, text("v2"), T0.plusSeconds(60));

    RecordChange change = track.approved("gdc-2023", "ITU", 2, T0.plusSeconds(120)).orElseThrow();

    Entry entry = ((RecordChange.EntryApproved) change).entry();
    assertThat(entry.revision()).isEqualTo(2);
    assertThat(entry.content().title()).isEqualTo("v2");
    assertThat(entry.submittedAt()).isEqualTo(T0);
    assertThat(entry.approvedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(track.approved("gdc-2023", "ITU", 2, T0.plusSeconds(120)))
        .as("re-delivery")
        .isEmpty();
  }

  @Test
  void aRepeatedSubmissionKeepsTheFirstSubmissionTime() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0.plusSeconds(30));

    RecordChange change = track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(60)).orElseThrow();

    assertThat(((RecordChange.EntryApproved) change).entry().submittedAt()).isEqualTo(T0);
  }

  @Test
  void aSubmissionThatArrivesAfterALaterRevisionStillGivesTheSubmissionTime() {
    track.textOf("gdc-2023", "ITU", 2, text("v2"), T0.plusSeconds(60));
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);

    RecordChange change = track.approved("gdc-2023", "ITU", 2, T0.plusSeconds(90)).orElseThrow();

    assertThat(((RecordChange.EntryApproved) change).entry().submittedAt()).isEqualTo(T0);
  }

  @Test
  void aRoundThatEndedWithoutApprovalIsNotReopenedByALaterApproval() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    track.endedWithoutApproval("gdc-2023", "ITU", 1);

    assertThat(track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(60))).isEmpty();

    track.textOf("gdc-2023", "ITU", 2, text("v2"), T0.plusSeconds(120));
    assertThat(track.approved("gdc-2023", "ITU", 2, T0.plusSeconds(180)))
        .as("the next revision has a round of its own")
        .isPresent();
  }

  @Test
  void aRejectionAfterTheApprovalOfTheSameRevisionLeavesTheEntryAndARestoreKeepsTheRule() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    assertThat(track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(60))).isPresent();
    track.endedWithoutApproval("gdc-2023", "ITU", 1);

    ContributionTrack.State saved = track.state();
    ContributionTrack.State savedBeforeTheRule =
        new ContributionTrack.State(
            saved.contributionId(),
            saved.processId(),
            saved.agency(),
            saved.submittedAt(),
            saved.revision(),
            saved.content(),
            saved.withdrawn(),
            saved.approvedRevision(),
            0,
            saved.pendingRevision(),
            saved.pendingAt());
    assertThat(ContributionTrack.restore(saved).approved("gdc-2023", "ITU", 1, T0)).isEmpty();
    assertThat(ContributionTrack.restore(savedBeforeTheRule).approved("gdc-2023", "ITU", 1, T0))
        .as("a state saved before rounds were tracked: its approval ended the round")
        .isEmpty();
  }

  @Test
  void anApprovalOfAnOlderRevisionIsStale() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    track.textOf("gdc-2023", "ITU", 2, text("v2"), T0.plusSeconds(60));

    assertThat(track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void anApprovalThatArrivesBeforeItsTextWaitsForIt() {
    assertThat(track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(30))).isEmpty();

    RecordChange change = track.textOf("gdc-2023", "ITU", 1, text("v1"), T0).orElseThrow();

    assertThat(((RecordChange.EntryApproved) change).entry().content().title()).isEqualTo("v1");
  }

  @Test
  void aWaitingApprovalOfARevisionThatWasSupersededIsDropped() {
    track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(30));
    assertThat(track.textOf("gdc-2023", "ITU", 2, text("v2"), T0)).isEmpty();
    assertThat(track.textOf("gdc-2023", "ITU", 1, text("v1"), T0)).isEmpty();
  }

  @Test
  void withdrawingAnApprovedItemRemovesItAndNothingBringsItBack() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(30));

    RecordChange change = track.withdrawnAt("gdc-2023", "ITU", T0.plusSeconds(90)).orElseThrow();

    assertThat(change)
        .isEqualTo(new RecordChange.EntryWithdrawn("gdc-2023", "c1", T0.plusSeconds(90)));
    assertThat(track.withdrawnAt("gdc-2023", "ITU", T0.plusSeconds(91))).isEmpty();
    assertThat(track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void withdrawingAnItemThatWasNeverApprovedChangesNoRecord() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    assertThat(track.withdrawnAt("gdc-2023", "ITU", T0.plusSeconds(90))).isEmpty();
    assertThat(track.approved("gdc-2023", "ITU", 1, T0.plusSeconds(30))).isEmpty();
  }

  @Test
  void survivesASaveAndRestore() {
    track.textOf("gdc-2023", "ITU", 1, text("v1"), T0);
    track.approved("gdc-2023", "ITU", 2, T0.plusSeconds(30));

    ContributionTrack restored = ContributionTrack.restore(track.state());

    assertThat(restored.state()).isEqualTo(track.state());
    assertThat(restored.textOf("gdc-2023", "ITU", 2, text("v2"), T0.plusSeconds(10))).isPresent();
  }
}
