package org.ungis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.faults.EventLog.Coordinate;
import org.ungis.faults.EventLog.DeadLetter;
import org.ungis.faults.EventLog.Logged;
import org.ungis.faults.History.Outcome;
import org.ungis.faults.History.Text;
import org.ungis.faults.HistoryChecker.Check;
import org.ungis.faults.HistoryChecker.Report;
import org.ungis.schemas.Topics;

/**
 * The checker of {@code FaultInjectionIT} fed histories and logs built by hand: a clean run passes
 * every check, and each kind of fault (a loss, a duplicate, a phantom, the text of another
 * revision, an unresolved unknown, a missing or doubled dead letter) is reported by the check that
 * must catch it, so that every verdict of the suite is one that can fail.
 */
class HistoryCheckerTest {

  private static final String CALL = "igf-2026";
  private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

  private final History history = new History();
  private final EventLog.Builder log = EventLog.builder();
  private int offset;

  @Test
  void aCleanRunPassesEveryCheck() {
    cleanRun();

    Report report = check();

    assertThat(report.clean()).as("%s", report).isTrue();
    assertThat(report.figures())
        .containsEntry("invoked", 6)
        .containsEntry("ok", 3L)
        .containsEntry("failed", 1L)
        .containsEntry("unknown", 2L)
        .containsEntry("approved", 2)
        .containsEntry("published", 2)
        .containsEntry("unknown-resolved-by-answer", 1)
        .containsEntry("unknown-resolved-by-log", 1);
  }

  @Test
  void anAcknowledgedSubmissionMissingFromTheLogIsALoss() {
    cleanRun();
    history.submit("load-1", "FAO", "k-lost", text(9), Outcome.OK, 201, "c-lost");

    assertThat(violations(Check.ACKNOWLEDGED_ONCE))
        .singleElement(STRING)
        .startsWith("lost: SUBMIT by FAO key k-lost");
  }

  @Test
  void anAcknowledgedDecisionMissingFromTheLogIsALoss() {
    cleanRun();
    submitted("c-3", "ILO", 1, text(3));
    history.submit("load-1", "ILO", "k-3", text(3), Outcome.OK, 201, "c-3");
    history.decide("chair", "c-3", 1, "APPROVED", "approve-c-3", Outcome.OK, 201);

    assertThat(violations(Check.ACKNOWLEDGED_ONCE))
        .singleElement(STRING)
        .startsWith("lost: APPROVED c-3 r1");
  }

  @Test
  void oneRequestThatCreatedTwoContributionsIsADuplicate() {
    cleanRun();
    // A retry with the key was not recognized: a second contribution with the same text.
    submitted("c-1-again", "ITU", 1, text(1));

    assertThat(violations(Check.ACKNOWLEDGED_ONCE))
        .anyMatch(v -> v.startsWith("duplicate: SUBMIT by ITU key k-1") && v.contains("c-1-again"));
  }

  @Test
  void aDecisionWrittenTwiceIsADuplicate() {
    cleanRun();
    review(approval("c-1", 1));

    assertThat(violations(Check.ACKNOWLEDGED_ONCE))
        .singleElement(STRING)
        .isEqualTo("duplicate: APPROVED c-1 r1 key approve-c-1 is in the log 2 times");
  }

  @Test
  void twoDifferentDecisionsOnOneRevisionAreTwoOutcomes() {
    cleanRun();
    // Two reviewers decided at once on two instances during a handover, both written.
    history.decide("vice-chair", "c-1", 1, "REJECTED", "reject-c-1", Outcome.OK, 201);
    review(decision("c-1", 1, Decision.REJECTED));

    // (The record, which followed the approval, now lists a revision whose last word is a
    // rejection: the final record's check reports that too.)
    assertThat(check().verdict(Check.ACKNOWLEDGED_ONCE).violations())
        .containsExactly(
            "two outcomes: c-1 r1 ends [APPROVED by p@UNCTAD, REJECTED by p@UNCTAD] on the topic");
  }

  @Test
  void theVerySameSubmissionTwiceUnderOneIdIsARepeatNotADuplicate() {
    cleanRun();
    submitted("c-1", "ITU", 1, text(1));

    Report report = check();

    assertThat(report.clean()).as("%s", report).isTrue();
    assertThat(report.figures()).containsEntry("repeats", 1);
  }

  @Test
  void oneIdSubmittedWithTwoTextsIsADuplicate() {
    cleanRun();
    // Another request of ITU, whose answer was lost, landed under the id of the first.
    history.add(
        "load-3",
        History.Type.SUBMIT,
        "ITU",
        "k-7",
        text(7),
        null,
        1,
        null,
        Outcome.UNKNOWN,
        -1,
        "HttpTimeoutException");
    submitted("c-1", "ITU", 1, text(7));

    assertThat(violations(Check.ACKNOWLEDGED_ONCE))
        .contains("duplicate: contribution c-1 submitted 2 ways");
  }

  @Test
  void aContributionNoOperationAskedForIsAPhantom() {
    cleanRun();
    submitted("c-ghost", "WIPO", 1, text(42));

    assertThat(violations(Check.NO_PHANTOMS))
        .singleElement(STRING)
        .startsWith("phantom: ContributionSubmitted c-ghost r1 by WIPO")
        .endsWith("no operation asked for it");
  }

  @Test
  void aDecisionNoOperationAskedForIsAPhantom() {
    cleanRun();
    submitted("c-3", "ILO", 1, text(3));
    history.submit("load-1", "ILO", "k-3", text(3), Outcome.OK, 201, "c-3");
    review(approval("c-3", 1));
    record(entry("c-3", 1, text(3)));
    record(edition(3, ref("c-1", 1), ref("c-2", 1), ref("c-3", 1)));

    assertThat(violations(Check.NO_PHANTOMS))
        .anyMatch(v -> v.startsWith("phantom: DecisionRecorded c-3 r1"));
  }

  @Test
  void aWriteTheClientWasToldWasRefusedMustNotTakeEffect() {
    cleanRun();
    history.submit("load-1", "FAO", "k-1", text(8), Outcome.FAILED, 422, null);
    submitted("c-8", "FAO", 1, text(8));

    assertThat(violations(Check.NO_PHANTOMS))
        .singleElement(STRING)
        .contains("its request was refused");
  }

  @Test
  void aRecordEntryOfAContributionNeverApprovedIsAPhantom() {
    cleanRun();
    submitted("c-3", "ILO", 1, text(3));
    history.submit("load-1", "ILO", "k-3", text(3), Outcome.OK, 201, "c-3");
    record(entry("c-3", 1, text(3)));

    assertThat(violations(Check.NO_PHANTOMS))
        .anyMatch(v -> v.startsWith("phantom: record entry c-3 r1"));
  }

  @Test
  void anApprovedRevisionPublishedWithTheTextOfAnotherRevisionIsReported() {
    cleanRun();
    submitted("c-3", "ILO", 1, text(3));
    history.submit("load-1", "ILO", "k-3", text(3), Outcome.OK, 201, "c-3");
    revised("c-3", "ILO", 2, text(4));
    history.revise("load-1", "c-3", 2, "k-3-r2", text(4), Outcome.OK, 200);
    review(approval("c-3", 2));
    history.decide("chair", "c-3", 2, "APPROVED", "approve-c-3-r2", Outcome.OK, 201);
    // Revision 2 was approved, but the entry carries revision 1's text.
    RecordEntry wrong = entry("c-3", 2, text(3));
    record(wrong);
    record(edition(3, ref("c-1", 1), ref("c-2", 1), ref("c-3", 2)));

    assertThat(violations(Check.APPROVED_IN_FINAL_RECORD))
        .contains("approved c-3 r2 is in the final record with another text")
        .anyMatch(v -> v.startsWith("entry c-3 at") && v.endsWith("text of revision 2"));
  }

  @Test
  void anApprovedContributionMissingFromTheFinalRecordIsReported() {
    cleanRun();
    record(edition(3, ref("c-1", 1)));

    assertThat(violations(Check.APPROVED_IN_FINAL_RECORD))
        .containsExactly("approved c-2 r1 is in the final record of " + CALL + " 0 times");
  }

  @Test
  void aContributionListedTwiceInAnEarlierEditionIsReported() {
    cleanRun();
    record(edition(3, ref("c-1", 1), ref("c-1", 1), ref("c-2", 1)));
    record(edition(4, ref("c-1", 1), ref("c-2", 1)));

    assertThat(violations(Check.APPROVED_IN_FINAL_RECORD))
        .containsExactly("edition 3 of " + CALL + " lists c-1 2 times");
  }

  @Test
  void anUnknownOutcomeWithNoLaterAnswerAndNoEffectIsUnresolved() {
    cleanRun();
    history.add(
        "load-2",
        History.Type.SUBMIT,
        "UNECA",
        "k-9",
        text(9),
        null,
        1,
        null,
        Outcome.UNKNOWN,
        -1,
        "HttpTimeoutException");

    assertThat(violations(Check.UNKNOWNS_RESOLVED))
        .singleElement(STRING)
        .startsWith("unresolved: #7 SUBMIT by UNECA key k-9")
        .contains("HttpTimeoutException");
  }

  @Test
  void aPoisonPillWithoutItsDeadLetterIsReported() {
    cleanRun();
    Coordinate poison = new Coordinate(Topics.REVIEWS.name(), 2, 40);
    history.poison(poison, 2);
    log.undecodable(new Logged<>(poison.topic(), 2, 40, "poison", new byte[] {1}, Map.of()));
    deadLetter(poison);

    assertThat(violations(Check.DEAD_LETTERS_ONCE))
        .containsExactly("poison " + poison + " has 1 dead letter(s), expected 2");
  }

  @Test
  void aPoisonPillDeadLetteredTwiceByOneServiceIsReported() {
    cleanRun();
    Coordinate garbage = new Coordinate(Topics.REVIEWS.name(), 1, 7);
    deadLetter(garbage);

    assertThat(violations(Check.DEAD_LETTERS_ONCE))
        .containsExactly("poison " + garbage + " has 3 dead letter(s), expected 2");
  }

  @Test
  void aGoodRecordDeadLetteredIsReported() {
    cleanRun();
    deadLetter(new Coordinate(Topics.CONTRIBUTIONS.name(), 0, 0));

    assertThat(violations(Check.DEAD_LETTERS_ONCE))
        .singleElement(STRING)
        .endsWith("a record no test poisoned");
  }

  @Test
  void aScenarioIsNotFailedByWhatAnEarlierScenarioBrokeOnlyByWhatItBreaks() {
    HistoryChecker.Scope next = anEarlierScenarioWroteAnApprovalTwice();
    // The next scenario submits and approves cleanly.
    submitted("c-4", "FAO", 1, text(4));
    history.submit("load-4", "FAO", "k-4", text(4), Outcome.OK, 201, "c-4");
    review(approval("c-4", 1));
    history.decide("chair", "c-4", 1, "APPROVED", "approve-c-4", Outcome.OK, 201);
    record(entry("c-4", 1, text(4)));
    record(edition(3, ref("c-1", 1), ref("c-2", 1), ref("c-4", 1)));

    Report whole = check();
    Report scoped = HistoryChecker.check(history, log.build(), next);

    assertThat(whole.verdict(Check.ACKNOWLEDGED_ONCE).violations())
        .containsExactly("duplicate: APPROVED c-1 r1 key approve-c-1 is in the log 2 times");
    assertThat(scoped.clean()).as("%s", scoped).isTrue();
    assertThat(scoped.figures()).containsEntry("earlier-findings", 1);
  }

  @Test
  void aScenarioIsFailedByAPhantomALossAndAFurtherCopyOfAnEarlierRequestWrittenDuringIt() {
    HistoryChecker.Scope next = anEarlierScenarioWroteAnApprovalTwice();
    // During the next scenario: a phantom, a lost acknowledged submission, a third copy of the
    // approval the earlier scenario wrote twice, and a dead letter of a good record.
    submitted("c-ghost", "WIPO", 1, text(42));
    history.submit("load-5", "ILO", "k-5", text(5), Outcome.OK, 201, "c-5");
    review(approval("c-1", 1));
    deadLetter(new Coordinate(Topics.CONTRIBUTIONS.name(), 0, 0));

    Report scoped = HistoryChecker.check(history, log.build(), next);

    assertThat(scoped.verdict(Check.ACKNOWLEDGED_ONCE).violations())
        .containsExactlyInAnyOrder(
            "duplicate: APPROVED c-1 r1 key approve-c-1 is in the log 3 times",
            "lost: SUBMIT by ILO key k-5 \"Input 5\" was acknowledged, not in the log");
    assertThat(scoped.verdict(Check.NO_PHANTOMS).violations())
        .singleElement(STRING)
        .startsWith("phantom: ContributionSubmitted c-ghost r1 by WIPO");
    assertThat(scoped.verdict(Check.DEAD_LETTERS_ONCE).violations())
        .singleElement(STRING)
        .endsWith("a record no test poisoned");
    assertThat(scoped.verdict(Check.APPROVED_IN_FINAL_RECORD).holds()).as("%s", scoped).isTrue();
    assertThat(scoped.verdict(Check.UNKNOWNS_RESOLVED).holds()).as("%s", scoped).isTrue();
  }

  @Test
  void revisionsRacedOnOneContributionAndItsWithdrawalPassEveryCheck() {
    cleanRun();
    revisionRace();

    Report report = check();

    assertThat(report.clean()).as("%s", report).isTrue();
    assertThat(report.figures()).containsEntry("revisions", 2).containsEntry("withdrawals", 1);
  }

  @Test
  void twoRevisionsAcceptedFromTheSameRevisionAreADoubledRevisionNumber() {
    cleanRun();
    iloSubmitsC6();
    // Two revisers both sent If-Match "1" (e.g. one to the contribution's previous owner during a
    // handover): both were written, as r2; the second one's answer was lost.
    revised("c-6", "ILO", 2, text(61));
    history.revise("reviser-1", "c-6", 2, "rev-c-6-a", text(61), Outcome.OK, 200);
    revised("c-6", "ILO", 2, text(62));
    history.revise("reviser-2", "c-6", 2, "rev-c-6-b", text(62), Outcome.UNKNOWN, 503);

    assertThat(violations(Check.REVISIONS_IN_ORDER))
        .singleElement(STRING)
        .startsWith("doubled revision number: ContributionRevised c-6 r2 by ILO at ")
        .endsWith(", c-6 is at r2 already");
  }

  @Test
  void anAcknowledgedRevisionMissingFromTheLogIsALoss() {
    cleanRun();
    revisionRace();
    history.revise("reviser-3", "c-5", 4, "rev-c-5-lost", text(54), Outcome.OK, 200);

    assertThat(violations(Check.ACKNOWLEDGED_ONCE))
        .singleElement(STRING)
        .isEqualTo("lost: REVISE c-5 to r4 key rev-c-5-lost was acknowledged, not in the log");
  }

  @Test
  void aRevisionThatSkipsANumberIsAGap() {
    cleanRun();
    iloSubmitsC6();
    revised("c-6", "ILO", 3, text(63));
    history.revise("reviser-1", "c-6", 3, "rev-c-6", text(63), Outcome.OK, 200);

    assertThat(violations(Check.REVISIONS_IN_ORDER))
        .singleElement(STRING)
        .startsWith("gap: ContributionRevised c-6 r3 by ILO at ")
        .endsWith(" follows r1");
  }

  @Test
  void aRevisionAcknowledgedUnderAnotherNumberThanInTheLogIsReported() {
    cleanRun();
    iloSubmitsC6();
    revised("c-6", "ILO", 2, text(63));
    history.revise("reviser-1", "c-6", 3, "rev-c-6", text(63), Outcome.OK, 200);

    assertThat(violations(Check.REVISIONS_IN_ORDER))
        .containsExactly("acknowledged as r3 but in the log as r2: REVISE c-6 to r3 key rev-c-6");
  }

  @Test
  void aRevisionAcceptedAfterTheWithdrawalIsReported() {
    cleanRun();
    revisionRace();
    // The reviser's last try, after the withdrawal: its answer was lost, and it was written.
    history.revise("reviser-1", "c-5", 4, "rev-c-5-late", text(55), Outcome.UNKNOWN, -1);
    revised("c-5", "FAO", 4, text(55));

    assertThat(violations(Check.REVISIONS_IN_ORDER))
        .singleElement(STRING)
        .startsWith("after the withdrawal: ContributionRevised c-5 r4 by FAO at ")
        .contains(" follows the withdrawal of c-5 at ");
  }

  @Test
  void aWithdrawalNobodyAskedForIsAPhantomAndAnUnknownOneWithoutEffectIsUnresolved() {
    cleanRun();
    iloSubmitsC6();
    withdrawn("c-6", "ILO", 1, "Nobody asked");

    assertThat(violations(Check.NO_PHANTOMS))
        .singleElement(STRING)
        .startsWith("phantom: ContributionWithdrawn c-6 r1 by ILO at ");

    History other = new History();
    other.withdraw("withdrawer", "c-1", "wd-c-1", "Too late", Outcome.UNKNOWN, 504);
    assertThat(
            HistoryChecker.check(other, EventLog.builder().build())
                .verdict(Check.UNKNOWNS_RESOLVED)
                .violations())
        .singleElement(STRING)
        .startsWith("unresolved: #1 WITHDRAW c-1 key wd-c-1");
  }

  /** ILO submits c-6 (201). */
  private void iloSubmitsC6() {
    submitted("c-6", "ILO", 1, text(6));
    history.submit("load-6", "ILO", "k-6", text(6), Outcome.OK, 201, "c-6");
  }

  /**
   * FAO submits c-5; two revisers race from r1: one gets r2 (200), the other a 409 stale; a third
   * revises r2 to r3, its answer lost (timeout) but its revision written; a withdrawal (200) races
   * a last revision from r3, refused (409).
   */
  private void revisionRace() {
    submitted("c-5", "FAO", 1, text(5));
    history.submit("load-5", "FAO", "k-5", text(5), Outcome.OK, 201, "c-5");
    revised("c-5", "FAO", 2, text(51));
    history.revise("reviser-1", "c-5", 2, "rev-c-5-a", text(51), Outcome.OK, 200);
    history.revise("reviser-2", "c-5", 2, "rev-c-5-b", text(52), Outcome.FAILED, 409);
    history.revise("reviser-3", "c-5", 3, "rev-c-5-c", text(53), Outcome.UNKNOWN, -1);
    revised("c-5", "FAO", 3, text(53));
    withdrawn("c-5", "FAO", 3, "Merged into another input");
    history.withdraw("withdrawer", "c-5", "wd-c-5", "Merged into another input", Outcome.OK, 200);
    history.revise("reviser-1", "c-5", 4, "rev-c-5-d", text(54), Outcome.FAILED, 409);
  }

  // ---------------------------------------------------------------- a clean run

  /**
   * Two agencies submit; ITU's first attempt times out and its retry gets the 201; the chair
   * approves both (the second approval's answer is lost, but it is on the topic); a submission with
   * a reused key is refused; publication-service writes two editions; a garbage record on the
   * reviews topic is dead-lettered by the two services that read it.
   */
  private void cleanRun() {
    history.add(
        "load-1",
        History.Type.SUBMIT,
        "ITU",
        "k-1",
        text(1),
        null,
        1,
        null,
        Outcome.UNKNOWN,
        -1,
        "HttpTimeoutException");
    submitted("c-1", "ITU", 1, text(1));
    history.submit("load-1", "ITU", "k-1", text(1), Outcome.OK, 201, "c-1");
    submitted("c-2", "UNECA", 1, text(2));
    history.submit("load-2", "UNECA", "k-2", text(2), Outcome.OK, 201, "c-2");
    history.submit("load-2", "UNECA", "k-2", text(5), Outcome.FAILED, 422, null);
    review(approval("c-1", 1));
    history.decide("chair", "c-1", 1, "APPROVED", "approve-c-1", Outcome.OK, 201);
    record(entry("c-1", 1, text(1)));
    record(edition(1, ref("c-1", 1)));
    review(approval("c-2", 1));
    history.decide("chair", "c-2", 1, "APPROVED", "approve-c-2", Outcome.UNKNOWN, 503);
    record(entry("c-2", 1, text(2)));
    record(edition(2, ref("c-1", 1), ref("c-2", 1)));
    Coordinate garbage = new Coordinate(Topics.REVIEWS.name(), 1, 7);
    history.poison(garbage, 2);
    log.undecodable(new Logged<>(garbage.topic(), 1, 7, "garbage", new byte[] {'{'}, Map.of()));
    deadLetter(garbage);
    deadLetter(garbage);
  }

  @Test
  void everyEventDeliveredOnceByWebhookPassesAndARedeliveryIsCountedNotRefused() {
    cleanRun();
    history.watchWebhooks(Map.of());
    List<String> ids = webhookEvents();
    ids.forEach(history::webhookDelivered);
    history.webhookDelivered(ids.get(0)); // a kill after the endpoint's 2xx: delivered again

    Report report = check();

    assertThat(report.verdict(Check.WEBHOOK_PER_EVENT).holds()).as("%s", report).isTrue();
    assertThat(report.figures())
        .containsEntry("webhook-events", 4)
        .containsEntry("webhook-deliveries", 5)
        .containsEntry("webhook-redeliveries", 1L)
        .containsEntry("webhook-redelivered", Map.of(ids.get(0), 2L));
  }

  @Test
  void anEventNeverDeliveredByWebhookIsMissing() {
    cleanRun();
    history.watchWebhooks(Map.of());
    List<String> ids = webhookEvents();
    ids.subList(1, ids.size()).forEach(history::webhookDelivered);

    assertThat(violations(Check.WEBHOOK_PER_EVENT))
        .singleElement(STRING)
        .startsWith("missing webhook: ContributionSubmitted at " + Topics.CONTRIBUTIONS.name())
        .contains(ids.get(0));
  }

  @Test
  void aWebhookOfNoEventIsReported() {
    cleanRun();
    history.watchWebhooks(Map.of());
    webhookEvents().forEach(history::webhookDelivered);
    history.webhookDelivered("00000000-0000-0000-0000-000000000000");

    assertThat(violations(Check.WEBHOOK_PER_EVENT))
        .containsExactly(
            "webhook 00000000-0000-0000-0000-000000000000 delivered for no event in the log");
  }

  /** The event ids of the clean run that have a webhook: two submissions, two approvals. */
  private List<String> webhookEvents() {
    EventLog built = log.build();
    return java.util.stream.Stream.concat(
            built.contributions().stream().map(e -> e.value().getEventId().toString()),
            built.reviews().stream().map(e -> e.value().getEventId().toString()))
        .toList();
  }

  // ---------------------------------------------------------------- building logs

  /** A clean run whose approval of c-1 is written twice; the scope of the next scenario. */
  private HistoryChecker.Scope anEarlierScenarioWroteAnApprovalTwice() {
    cleanRun();
    review(approval("c-1", 1));
    return scopeFromHere();
  }

  /** A scope that starts now: after the attempts so far, at the next offset of every topic. */
  private HistoryChecker.Scope scopeFromHere() {
    Map<EventLog.Partition, Long> from = new java.util.HashMap<>();
    for (var topic : Topics.ALL) {
      for (int partition = 0; partition < 3; partition++) {
        from.put(new EventLog.Partition(topic.name(), partition), (long) offset);
        from.put(new EventLog.Partition(topic.deadLetterTopic(), partition), (long) offset);
      }
    }
    return new HistoryChecker.Scope(history.size(), from);
  }

  private Report check() {
    return HistoryChecker.check(history, log.build());
  }

  private List<String> violations(Check check) {
    Report report = check();
    for (Check other : Check.values()) {
      if (other != check) {
        assertThat(report.verdict(other).holds()).as("%s", report).isTrue();
      }
    }
    assertThat(report.clean()).isFalse();
    return report.verdict(check).violations();
  }

  private static Text text(int n) {
    return new Text("Input " + n, "In brief " + n, "Body of input " + n);
  }

  private static ContributionContent content(Text text) {
    return ContributionContent.newBuilder()
        .setTitle(text.title())
        .setSummary(text.summary())
        .setBody(text.body())
        .setLanguage(Language.EN)
        .setActionLines(List.of(ActionLine.C7))
        .setSdgs(List.of(9))
        .setLinks(List.of())
        .build();
  }

  private static Actor actor(String agency, ActorRole role) {
    return Actor.newBuilder().setAgency(agency).setPrincipal("p@" + agency).setRole(role).build();
  }

  private void submitted(String id, String agency, int revision, Text text) {
    contribution(
        id, agency, revision, ContributionSubmitted.newBuilder().setContent(content(text)).build());
  }

  private void revised(String id, String agency, int revision, Text text) {
    contribution(
        id,
        agency,
        revision,
        ContributionRevised.newBuilder().setContent(content(text)).setNote(null).build());
  }

  private void withdrawn(String id, String agency, int revision, String reason) {
    contribution(
        id, agency, revision, ContributionWithdrawn.newBuilder().setReason(reason).build());
  }

  private void contribution(String id, String agency, int revision, Object payload) {
    ContributionEvent event =
        ContributionEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOccurredAt(AT)
            .setActor(actor(agency, ActorRole.AGENCY))
            .setContributionId(id)
            .setProcessId(CALL)
            .setAgency(agency)
            .setRevision(revision)
            .setPayload(payload)
            .build();
    log.contribution(new Logged<>(Topics.CONTRIBUTIONS.name(), 0, offset++, id, event, Map.of()));
  }

  private static ReviewEvent approval(String id, int revision) {
    return decision(id, revision, Decision.APPROVED);
  }

  private static ReviewEvent decision(String id, int revision, Decision decision) {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(AT)
        .setActor(actor("UNCTAD", ActorRole.CHAIR))
        .setContributionId(id)
        .setProcessId(CALL)
        .setAgency("ITU")
        .setRevision(revision)
        .setPayload(
            DecisionRecorded.newBuilder()
                .setDecision(decision)
                .setComment(null)
                .setOutcome(decision)
                .build())
        .build();
  }

  private void review(ReviewEvent event) {
    log.review(
        new Logged<>(
            Topics.REVIEWS.name(), 0, offset++, event.getContributionId(), event, Map.of()));
  }

  private static EntryRef ref(String id, int revision) {
    return EntryRef.newBuilder()
        .setContributionId(id)
        .setAgency("ITU")
        .setRevision(revision)
        .setKey(CALL + "/" + id)
        .build();
  }

  private static RecordEdition edition(int number, EntryRef... refs) {
    return RecordEdition.newBuilder()
        .setEdition(number)
        .setFinal$(false)
        .setCallTitle("IGF 2026")
        .setCallDescription("")
        .setDeadline(AT)
        .setEntries(List.of(refs))
        .build();
  }

  private static RecordEntry entry(String id, int revision, Text text) {
    return RecordEntry.newBuilder()
        .setContributionId(id)
        .setAgency("ITU")
        .setAgencyName("ITU")
        .setRevision(revision)
        .setSubmittedAt(AT)
        .setApprovedAt(AT)
        .setContent(content(text))
        .build();
  }

  private void record(Object payload) {
    RecordEvent event =
        RecordEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOccurredAt(AT)
            .setActor(actor("UNCTAD", ActorRole.CHAIR))
            .setProcessId(CALL)
            .setPayload(payload)
            .build();
    String key =
        payload instanceof RecordEntry entry ? CALL + "/" + entry.getContributionId() : CALL;
    log.record(new Logged<>(Topics.RECORDS.name(), 0, offset++, key, event, Map.of()));
  }

  private void deadLetter(Coordinate original) {
    log.deadLetter(
        new DeadLetter(
            new Coordinate(original.topic() + ".DLT", 0, offset++),
            original,
            "poison",
            new byte[] {'{'},
            "org.apache.kafka.common.errors.SerializationException"));
  }
}
