package org.ungis.publication.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsolidatedRecordTest {

  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final CallInfo CALL =
      new CallInfo("UNGIS joint input to the GDC", "Inputs", Instant.parse("2023-04-30T23:59:59Z"));

  ConsolidatedRecord record = ConsolidatedRecord.empty("gdc-2023");

  static EntryRef ref(String id, String agency, int revision, int minute) {
    return new EntryRef(id, agency, revision, T0.plusSeconds(60L * minute));
  }

  static Instant at(int minute) {
    return T0.plusSeconds(3600 + 60L * minute);
  }

  @Test
  void anApprovalPublishesTheFirstEditionWithItsEntry() {
    record.describe(CALL, false, T0);

    Publication publication = record.add(ref("c1", "UNDP", 1, 0), at(1)).orElseThrow();

    assertThat(publication.edition().number()).isEqualTo(1);
    assertThat(publication.edition().finalEdition()).isFalse();
    assertThat(publication.edition().call()).isEqualTo(CALL);
    assertThat(publication.edition().entries()).containsExactly(ref("c1", "UNDP", 1, 0));
    assertThat(publication.added()).containsExactly(ref("c1", "UNDP", 1, 0));
    assertThat(publication.removed()).isEmpty();
  }

  @Test
  void entriesAreOrderedByAgencyThenSubmissionThenId() {
    record.describe(CALL, false, T0);
    record.add(ref("c3", "UNDP", 1, 5), at(1));
    record.add(ref("c2", "ITU", 2, 9), at(2));
    record.add(ref("c1", "UNDP", 1, 1), at(3));
    record.add(ref("b0", "UNDP", 1, 1), at(4));

    Edition edition = record.currentEdition().orElseThrow();

    assertThat(edition.number()).isEqualTo(4);
    assertThat(edition.entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c2", "b0", "c1", "c3");
  }

  @Test
  void aRedeliveredApprovalPublishesNothing() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));

    assertThat(record.add(ref("c1", "ITU", 1, 0), at(1))).isEmpty();
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(7))).isEmpty();
    assertThat(record.edition()).isEqualTo(1);
  }

  @Test
  void withdrawingAnApprovedItemPublishesAnEditionWithoutIt() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    record.add(ref("c2", "UNDP", 1, 0), at(2));

    Publication publication = record.remove("c1", at(3)).orElseThrow();

    assertThat(publication.edition().number()).isEqualTo(3);
    assertThat(publication.edition().entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c2");
    assertThat(publication.removed()).containsExactly("c1");
    assertThat(record.remove("c1", at(4))).isEmpty();
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(5))).as("withdrawal is final").isEmpty();
  }

  @Test
  void withdrawingAnItemNotInTheRecordPublishesNothing() {
    record.describe(CALL, false, T0);
    assertThat(record.remove("unknown", at(1))).isEmpty();
    assertThat(record.edition()).isZero();
  }

  @Test
  void closingPublishesTheFinalEditionOnce() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));

    Publication closing = record.describe(CALL, true, at(10)).orElseThrow();

    assertThat(closing.edition().number()).isEqualTo(2);
    assertThat(closing.edition().finalEdition()).isTrue();
    assertThat(closing.edition().entries()).hasSize(1);
    assertThat(record.describe(CALL, true, at(11))).isEmpty();
    assertThat(record.describe(CALL, false, at(12))).as("a final record stays final").isEmpty();
    assertThat(record.isFinal()).isTrue();
  }

  @Test
  void aFinalRecordTakesLateArrivalsOfEarlierChangesButRefusesLaterOnes() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    record.describe(CALL, true, at(10));

    Publication late = record.add(ref("c2", "UNDP", 1, 0), at(9)).orElseThrow();
    assertThat(late.edition().number()).isEqualTo(3);
    assertThat(late.edition().finalEdition()).isTrue();

    assertThatThrownBy(() -> record.remove("c1", at(11))).isInstanceOf(RecordFinalException.class);
    assertThat(record.edition()).isEqualTo(3);
    assertThat(record.entries()).hasSize(2);
  }

  @Test
  void changesBeforeTheCallIsKnownArePublishedTogetherInEditionOne() {
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(1))).isEmpty();
    assertThat(record.add(ref("c2", "UNDP", 1, 0), at(2))).isEmpty();
    assertThat(record.remove("c2", at(3))).isEmpty();
    assertThat(record.add(ref("c3", "FAO", 1, 0), at(4))).isEmpty();

    Publication first = record.describe(CALL, false, T0).orElseThrow();

    assertThat(first.edition().number()).isEqualTo(1);
    assertThat(first.edition().entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c3", "c1");
    assertThat(first.added()).extracting(EntryRef::contributionId).containsExactly("c3", "c1");
    assertThat(first.edition().publishedAt()).isEqualTo(at(4));
  }

  @Test
  void aCallWithoutEntriesPublishesNothingUntilItCloses() {
    assertThat(record.describe(CALL, false, T0)).isEmpty();
    Publication closing = record.describe(CALL, true, at(1)).orElseThrow();
    assertThat(closing.edition().number()).isEqualTo(1);
    assertThat(closing.edition().entries()).isEmpty();
  }

  @Test
  void aNewerRevisionReplacesTheOlderOne() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));

    Publication replaced = record.add(ref("c1", "ITU", 2, 0), at(2)).orElseThrow();

    assertThat(replaced.edition().entries()).containsExactly(ref("c1", "ITU", 2, 0));
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(3))).as("older revision").isEmpty();
  }

  @Test
  void survivesASaveAndRestore() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    record.add(ref("c2", "ITU", 1, 1), at(2));
    record.remove("c2", at(3));
    record.describe(CALL, true, at(4));

    ConsolidatedRecord restored = ConsolidatedRecord.restore(record.state());

    assertThat(restored.state()).isEqualTo(record.state());
    assertThat(restored.currentEdition()).isEqualTo(record.currentEdition());
    assertThat(restored.add(ref("c2", "ITU", 1, 1), at(3))).isEmpty();
  }

  @Test
  void historyRebuildsEveryPastEdition() {
    record.describe(CALL, false, T0);
    List<HistoryStep> steps = new java.util.ArrayList<>();
    List<Edition> editions = new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      Publication p =
          (i % 7 == 6
                  ? record.remove("c" + (i - 3), at(i))
                  : record.add(ref("c" + i, i % 2 == 0 ? "ITU" : "FAO", 1, i), at(i)))
              .orElseThrow();
      steps.add(HistoryStep.of(p));
      editions.add(p.edition());
    }
    for (Edition expected : editions) {
      int n = expected.number();
      int start = n;
      while (!steps.get(start - 1).hasSnapshot()) {
        start--;
      }
      assertThat(EditionHistory.rebuild("gdc-2023", steps.subList(start - 1, n)))
          .isEqualTo(expected);
    }
  }
}
