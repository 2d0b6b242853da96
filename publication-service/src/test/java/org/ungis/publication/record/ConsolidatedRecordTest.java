package org.ungis.publication.record;

import static org.assertj.core.api.Assertions.assertThat;

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

  /** The edition that is due now; fails if none is. */
  Publication publish() {
    return record.publishPending().orElseThrow();
  }

  @Test
  void anApprovalMakesTheFirstEditionDueWithItsEntry() {
    record.describe(CALL, false, T0);

    assertThat(record.add(ref("c1", "UNDP", 1, 0), at(1))).isTrue();
    assertThat(record.hasPendingEdition()).isTrue();
    Publication publication = publish();

    assertThat(publication.edition().number()).isEqualTo(1);
    assertThat(publication.edition().finalEdition()).isFalse();
    assertThat(publication.edition().call()).isEqualTo(CALL);
    assertThat(publication.edition().entries()).containsExactly(ref("c1", "UNDP", 1, 0));
    assertThat(publication.added()).containsExactly(ref("c1", "UNDP", 1, 0));
    assertThat(publication.removed()).isEmpty();
    assertThat(record.hasPendingEdition()).isFalse();
    assertThat(record.publishPending()).as("nothing new").isEmpty();
  }

  @Test
  void changesBetweenTwoPublicationsShareOneEdition() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    record.add(ref("c2", "UNDP", 1, 0), at(2));
    publish();

    record.add(ref("c3", "FAO", 1, 0), at(3));
    record.add(ref("c4", "ITU", 1, 1), at(5));
    record.remove("c2", at(4));
    record.add(ref("c1", "ITU", 2, 0), at(6));
    Publication second = publish();

    assertThat(second.edition().number()).isEqualTo(2);
    assertThat(second.added())
        .as("in published order, the newest revision only")
        .containsExactly(ref("c3", "FAO", 1, 0), ref("c1", "ITU", 2, 0), ref("c4", "ITU", 1, 1));
    assertThat(second.removed()).containsExactly("c2");
    assertThat(second.edition().entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c3", "c1", "c4");
    assertThat(second.edition().publishedAt()).as("the latest change").isEqualTo(at(6));
  }

  @Test
  void anEntryAddedAndWithdrawnBetweenTwoPublicationsPublishesNothing() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();

    assertThat(record.add(ref("c2", "UNDP", 1, 0), at(2))).isTrue();
    assertThat(record.remove("c2", at(3))).isTrue();

    assertThat(record.hasPendingEdition()).isFalse();
    assertThat(record.publishPending()).isEmpty();
    assertThat(record.edition()).isEqualTo(1);
  }

  @Test
  void entriesAreOrderedByAgencyThenSubmissionThenId() {
    record.describe(CALL, false, T0);
    record.add(ref("c3", "UNDP", 1, 5), at(1));
    publish();
    record.add(ref("c2", "ITU", 2, 9), at(2));
    publish();
    record.add(ref("c1", "UNDP", 1, 1), at(3));
    record.add(ref("b0", "UNDP", 1, 1), at(4));
    publish();

    Edition edition = record.currentEdition().orElseThrow();

    assertThat(edition.number()).isEqualTo(3);
    assertThat(edition.entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c2", "b0", "c1", "c3");
  }

  @Test
  void aRedeliveredApprovalPublishesNothing() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();

    assertThat(record.add(ref("c1", "ITU", 1, 0), at(1))).isFalse();
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(7))).isFalse();
    assertThat(record.publishPending()).isEmpty();
    assertThat(record.edition()).isEqualTo(1);
  }

  @Test
  void withdrawingAnApprovedItemPublishesAnEditionWithoutIt() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();
    record.add(ref("c2", "UNDP", 1, 0), at(2));
    publish();

    assertThat(record.remove("c1", at(3))).isTrue();
    Publication publication = publish();

    assertThat(publication.edition().number()).isEqualTo(3);
    assertThat(publication.edition().entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c2");
    assertThat(publication.removed()).containsExactly("c1");
    assertThat(record.remove("c1", at(4))).isFalse();
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(5))).as("withdrawal is final").isFalse();
    assertThat(record.isWithdrawn("c1")).isTrue();
  }

  @Test
  void withdrawingAnItemNotInTheRecordPublishesNothing() {
    record.describe(CALL, false, T0);
    assertThat(record.remove("unknown", at(1))).isFalse();
    assertThat(record.publishPending()).isEmpty();
    assertThat(record.edition()).isZero();
  }

  @Test
  void closingPublishesTheFinalEditionOnceWithWhatIsPending() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();
    record.add(ref("c2", "UNDP", 1, 0), at(2));

    assertThat(record.describe(CALL, true, at(10))).isTrue();
    Publication closing = publish();

    assertThat(closing.edition().number()).isEqualTo(2);
    assertThat(closing.edition().finalEdition()).isTrue();
    assertThat(closing.edition().entries()).hasSize(2);
    assertThat(closing.added()).containsExactly(ref("c2", "UNDP", 1, 0));
    assertThat(record.describe(CALL, true, at(11))).isFalse();
    assertThat(record.describe(CALL, false, at(12))).as("a final record stays final").isFalse();
    assertThat(record.publishPending()).isEmpty();
    assertThat(record.isFinal()).isTrue();
  }

  @Test
  void afterTheFinalEditionEveryChangeIsACorrigendumThatSaysWhatChanged() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();
    record.describe(CALL, true, at(10));
    Publication fin = publish();
    assertThat(fin.edition().finalEdition()).isTrue();
    assertThat(fin.edition().corrigendum()).isZero();

    assertThat(record.add(ref("c2", "UNDP", 1, 0), at(9), "Late but earlier")).isTrue();
    Publication corr1 = publish();
    assertThat(corr1.edition().number()).isEqualTo(3);
    assertThat(corr1.edition().finalEdition()).isTrue();
    assertThat(corr1.edition().corrigendum()).isEqualTo(1);
    assertThat(corr1.edition().corrections())
        .containsExactly(
            new Correction(Correction.Kind.ADDED, "UNDP", "c2", "Late but earlier", at(9)));

    assertThat(record.remove("c1", at(11), "Digital public goods")).isTrue();
    Publication corr2 = publish();
    assertThat(corr2.edition().corrigendum()).isEqualTo(2);
    assertThat(corr2.removed()).containsExactly("c1");
    assertThat(corr2.edition().corrections())
        .containsExactly(
            new Correction(Correction.Kind.WITHDRAWN, "ITU", "c1", "Digital public goods", at(11)));
    assertThat(corr2.edition().entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c2");

    CallInfo corrected =
        new CallInfo(CALL.title(), CALL.description(), CALL.deadline(), "", "EN", "Corrected", "");
    assertThat(record.describe(corrected, true, at(12))).isTrue();
    Publication corr3 = publish();
    assertThat(corr3.edition().corrigendum()).isEqualTo(3);
    assertThat(corr3.edition().call().introduction()).isEqualTo("Corrected");
    assertThat(corr3.edition().corrections())
        .extracting(Correction::kind)
        .containsExactly(Correction.Kind.FRAMING);
    assertThat(record.publishPending()).isEmpty();
  }

  @Test
  void aChangeOfTheFramingBeforeTheClosurePublishesAnEditionWithoutCorrigendum() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();
    CallInfo framed =
        new CallInfo(CALL.title(), CALL.description(), CALL.deadline(), "", "FR", "Intro", "End");
    assertThat(record.describe(framed, false, at(2))).isTrue();
    Publication second = publish();
    assertThat(second.edition().number()).isEqualTo(2);
    assertThat(second.edition().corrigendum()).isZero();
    assertThat(second.edition().corrections()).isEmpty();
    assertThat(second.edition().call().language()).isEqualTo("FR");
  }

  @Test
  void changesBeforeTheCallIsKnownArePublishedTogetherInEditionOne() {
    record.add(ref("c1", "ITU", 1, 0), at(1));
    record.add(ref("c2", "UNDP", 1, 0), at(2));
    record.remove("c2", at(3));
    record.add(ref("c3", "FAO", 1, 0), at(4));
    assertThat(record.publishPending()).as("the call is not known yet").isEmpty();

    assertThat(record.describe(CALL, false, T0)).isTrue();
    Publication first = publish();

    assertThat(first.edition().number()).isEqualTo(1);
    assertThat(first.edition().entries())
        .extracting(EntryRef::contributionId)
        .containsExactly("c3", "c1");
    assertThat(first.added()).extracting(EntryRef::contributionId).containsExactly("c3", "c1");
    assertThat(first.edition().publishedAt()).isEqualTo(at(4));
  }

  @Test
  void aCallWithoutEntriesPublishesNothingUntilItCloses() {
    assertThat(record.describe(CALL, false, T0)).isFalse();
    assertThat(record.publishPending()).isEmpty();
    record.describe(CALL, true, at(1));
    Publication closing = publish();
    assertThat(closing.edition().number()).isEqualTo(1);
    assertThat(closing.edition().entries()).isEmpty();
  }

  @Test
  void aNewerRevisionReplacesTheOlderOne() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    publish();

    assertThat(record.add(ref("c1", "ITU", 2, 0), at(2))).isTrue();
    Publication replaced = publish();

    assertThat(replaced.edition().entries()).containsExactly(ref("c1", "ITU", 2, 0));
    assertThat(replaced.added()).containsExactly(ref("c1", "ITU", 2, 0));
    assertThat(replaced.removed()).isEmpty();
    assertThat(record.add(ref("c1", "ITU", 1, 0), at(3))).as("older revision").isFalse();
  }

  @Test
  void survivesASaveAndRestoreBetweenTwoPublications() {
    record.describe(CALL, false, T0);
    record.add(ref("c1", "ITU", 1, 0), at(1));
    record.add(ref("c2", "ITU", 1, 1), at(2));
    publish();
    record.remove("c2", at(3));
    record.add(ref("c3", "FAO", 1, 1), at(4));
    record.describe(CALL, true, at(5));

    ConsolidatedRecord restored = ConsolidatedRecord.restore(record.state());

    assertThat(restored.state()).isEqualTo(record.state());
    assertThat(restored.add(ref("c2", "ITU", 1, 1), at(3))).isFalse();
    assertThat(restored.publishPending()).isEqualTo(record.publishPending());
    assertThat(restored.state()).isEqualTo(record.state());
    assertThat(restored.currentEdition()).isEqualTo(record.currentEdition());
  }

  @Test
  void historyRebuildsEveryPastEdition() {
    record.describe(CALL, false, T0);
    List<HistoryStep> steps = new java.util.ArrayList<>();
    List<Edition> editions = new java.util.ArrayList<>();
    for (int i = 0; i < 120; i++) {
      if (i % 7 == 6) {
        record.remove("c" + (i - 3), at(i));
      } else {
        record.add(ref("c" + i, i % 2 == 0 ? "ITU" : "FAO", 1, i), at(i));
      }
      if (i % 3 == 2) {
        Publication p = publish();
        steps.add(HistoryStep.of(p));
        editions.add(p.edition());
      }
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
