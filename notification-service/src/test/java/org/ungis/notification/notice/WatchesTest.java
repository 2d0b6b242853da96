package org.ungis.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ungis.reference.People;
import org.ungis.reference.Roster;

/** The call watch's reminders and the record watch's notices, with the bundled directory. */
class WatchesTest {

  static final Roster ROSTER = Roster.load();
  static final Recipients WHO = new Recipients(People.load(ROSTER), ROSTER);
  static final Instant DEADLINE = Instant.parse("2023-04-30T23:59:59Z");

  static CallWatch opened(Map<String, Instant> extensions) {
    return CallWatch.empty()
        .changed(
            "e-open",
            true,
            new CallWatch.Call("gdc-2023", "Global Digital Compact", DEADLINE, true, extensions),
            WHO)
        .next();
  }

  static List<String> emails(Step<?> step) {
    return step.notices().stream().map(n -> n.recipient().email()).toList();
  }

  @Test
  void openingACallTellsEveryMembersFocalPoints() {
    Step<CallWatch> step =
        CallWatch.empty()
            .changed(
                "e-open",
                true,
                new CallWatch.Call("gdc-2023", "GDC", DEADLINE, true, Map.of()),
                WHO);
    assertThat(step.notices()).allMatch(n -> n.kind() == Kind.CALL_OPENED);
    assertThat(emails(step)).hasSize(6).contains("lea.moreau@itu.int", "layla.haddad@un.org");
  }

  @Test
  void remindsSevenDaysThenOneDayBeforeOnlyAgenciesThatHaveNotSubmitted() {
    CallWatch watch = opened(Map.of()).submitted("c-1", "ITU");

    assertThat(watch.remind(DEADLINE.minus(Duration.ofDays(8)), WHO).notices()).isEmpty();

    Step<CallWatch> week = watch.remind(DEADLINE.minus(Duration.ofDays(7)), WHO);
    assertThat(emails(week))
        .doesNotContain("lea.moreau@itu.int")
        .contains("fatou.diallo@uneca.org");
    assertThat(week.notices()).allMatch(n -> n.facts().number() == 7);
    assertThat(week.next().remind(DEADLINE.minus(Duration.ofDays(6)), WHO).notices())
        .as("each reminder once")
        .isEmpty();

    Step<CallWatch> day = week.next().remind(DEADLINE.minus(Duration.ofHours(20)), WHO);
    assertThat(day.notices()).isNotEmpty().allMatch(n -> n.facts().number() == 1);
    assertThat(day.next().remind(DEADLINE.plusSeconds(1), WHO).notices()).isEmpty();
  }

  @Test
  void aWithdrawnInputNoLongerCountsAndAnExtensionMovesTheAgencysReminder() {
    Instant extended = DEADLINE.plus(Duration.ofDays(7));
    CallWatch watch = opened(Map.of("UNECA", extended)).submitted("c-1", "ITU").withdrawn("c-1");

    Step<CallWatch> week = watch.remind(DEADLINE.minus(Duration.ofDays(7)), WHO);
    assertThat(emails(week))
        .contains("lea.moreau@itu.int")
        .doesNotContain("fatou.diallo@uneca.org");

    Step<CallWatch> later = week.next().remind(extended.minus(Duration.ofDays(7)), WHO);
    assertThat(emails(later)).containsExactly("fatou.diallo@uneca.org");
  }

  @Test
  void aRebuiltWatchPlansTheSameReminderUnderTheSameId() {
    Instant at = DEADLINE.minus(Duration.ofDays(3));
    List<String> first =
        opened(Map.of()).remind(at, WHO).notices().stream().map(Notice::sourceId).toList();
    List<String> rebuilt =
        opened(Map.of()).remind(at, WHO).notices().stream().map(Notice::sourceId).toList();
    assertThat(rebuilt).isEqualTo(first).isNotEmpty();
  }

  @Test
  void anExtensionTellsTheAgencysFocalPointsOnce() {
    CallWatch watch = opened(Map.of());
    CallWatch.Call extended =
        new CallWatch.Call(
            "gdc-2023", "GDC", DEADLINE, true, Map.of("UNECA", DEADLINE.plusSeconds(86_400)));

    Step<CallWatch> step = watch.changed("e-ext", false, extended, WHO);
    assertThat(step.notices())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.kind()).isEqualTo(Kind.EXTENSION_GRANTED);
              assertThat(n.recipient().email()).isEqualTo("fatou.diallo@uneca.org");
            });
    assertThat(step.next().changed("e-upd", false, extended, WHO).notices()).isEmpty();
  }

  @Test
  void aRecordTellsOfNewEntriesThenItsFinalEditionThenACorrigendum() {
    Instant at = Instant.parse("2023-05-02T10:00:00Z");
    List<RecordWatch.Entry> one = List.of(new RecordWatch.Entry("c-1", "ITU", 2));
    List<RecordWatch.Entry> two =
        List.of(new RecordWatch.Entry("c-1", "ITU", 2), new RecordWatch.Entry("c-2", "UNDP", 1));

    Step<RecordWatch> first =
        RecordWatch.empty().edition("e-1", at, "gdc-2023", "GDC", 1, false, one, WHO);
    assertThat(emails(first)).containsExactly("lea.moreau@itu.int");

    Step<RecordWatch> last = first.next().edition("e-2", at, "gdc-2023", "GDC", 2, true, two, WHO);
    assertThat(last.notices())
        .filteredOn(n -> n.kind() == Kind.PUBLISHED)
        .extracting(n -> n.recipient().email())
        .containsExactly("sarah.mitchell@undp.org");
    assertThat(last.notices())
        .filteredOn(n -> n.kind() == Kind.RECORD_FINAL)
        .extracting(n -> n.recipient().email())
        .contains("lea.moreau@itu.int", "sarah.mitchell@undp.org", "wei.zhang@itu.int")
        .doesNotContain("fatou.diallo@uneca.org")
        .doesNotHaveDuplicates();

    Step<RecordWatch> after = last.next().edition("e-3", at, "gdc-2023", "GDC", 3, true, two, WHO);
    assertThat(after.notices()).isNotEmpty().allMatch(n -> n.kind() == Kind.CORRIGENDUM);
  }
}
