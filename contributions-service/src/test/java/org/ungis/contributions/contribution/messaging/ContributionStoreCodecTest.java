package org.ungis.contributions.contribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ungis.contributions.contribution.ActionLine;
import org.ungis.contributions.contribution.Content;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionStatus;
import org.ungis.contributions.contribution.Decision;
import org.ungis.contributions.contribution.HistoryEntry;
import org.ungis.contributions.contribution.Language;
import org.ungis.contributions.contribution.Review;
import org.ungis.streams.BinaryStoreSerde;
import org.ungis.streams.JsonSerde;
import org.ungis.testsupport.RandomValues;

class ContributionStoreCodecTest {

  static final String CHANGELOG = "contributions-service-contributions-changelog";

  final BinaryStoreSerde<Contribution.State> serde = ContributionStoreCodec.serde();

  /** What the store wrote before the binary format, and what an old changelog holds. */
  final JsonSerde<Contribution.State> json = new JsonSerde<>(Contribution.State.class);

  Contribution.State roundTrip(Contribution.State state) {
    return serde
        .deserializer()
        .deserialize(CHANGELOG, serde.serializer().serialize(CHANGELOG, state));
  }

  @Test
  void randomStatesRoundTripWithEveryField() {
    for (long seed = 0; seed < 500; seed++) {
      Contribution.State state = randomState(new RandomValues(seed), 30);
      assertThat(roundTrip(state)).as("seed %d", seed).isEqualTo(state);
    }
  }

  @Test
  void aStateWrittenAsJsonByTheOldSerdeIsReadAsTheSameAggregate() {
    for (long seed = 0; seed < 200; seed++) {
      Contribution.State state = randomState(new RandomValues(seed), 30);
      byte[] old = json.serializer().serialize(CHANGELOG, state);
      assertThat(old[0]).isEqualTo((byte) '{');
      assertThat(serde.deserializer().deserialize(CHANGELOG, old))
          .as("seed %d", seed)
          .isEqualTo(state);
    }
  }

  @Test
  void aStateWithEveryOptionalFieldNullRoundTrips() {
    Contribution.State empty =
        new Contribution.State(
            "c-1", null, null, null, 0, null, null, null, null, null, null, 0, null);
    assertThat(roundTrip(empty)).isEqualTo(empty);
    Review review = new Review(null, null, null, null, null, null, null, 1, false, null);
    HistoryEntry entry =
        new HistoryEntry(null, null, null, null, null, null, 1, null, null, null, null, null, null);
    Contribution.State sparse =
        new Contribution.State(
            "c-2",
            "p",
            "FAO",
            null,
            1,
            null,
            null,
            null,
            null,
            null,
            List.of(review),
            1,
            List.of(entry));
    assertThat(roundTrip(sparse)).isEqualTo(sparse);
  }

  @Test
  void arabicAndChineseTextRoundTrips() {
    Content arabic =
        new Content(
            "مساهمة الإسكوا في الميثاق الرقمي العالمي",
            "ملخص",
            "نص المساهمة، مع علامات الترقيم العربية؛ وأرقام ١٢٣",
            Language.AR,
            List.of(ActionLine.C1, ActionLine.C11),
            List.of(9, 17),
            List.of("https://www.unescwa.org/ar"));
    Content chinese =
        new Content(
            "信息社会世界峰会行动方针", "", "正文：数字合作与能力建设。🌍", Language.ZH, List.of(), List.of(), List.of());
    Instant at = Instant.parse("2023-03-01T10:15:30.123Z");
    Contribution.State state =
        new Contribution.State(
            "c-ar",
            "gdc-2023",
            "UNESCWA",
            ContributionStatus.SUBMITTED,
            2,
            chinese,
            at,
            "محمد",
            at,
            "سحب",
            List.of(),
            2,
            List.of());
    assertThat(roundTrip(state)).isEqualTo(state);
    Contribution.State withArabic =
        new Contribution.State(
            "c-ar",
            "gdc-2023",
            "UNESCWA",
            ContributionStatus.SUBMITTED,
            1,
            arabic,
            at,
            "王芳",
            at,
            null,
            List.of(),
            1,
            List.of());
    assertThat(roundTrip(withArabic)).isEqualTo(withArabic);
  }

  @Test
  void theLargestContributionRoundTripsAndIsSmallerThanItsJson() {
    RandomValues random = new RandomValues(42);
    StringBuilder body = new StringBuilder();
    while (body.codePointCount(0, body.length()) < Content.BODY_MAX - 40) {
      body.append(random.text(40));
    }
    Content content =
        new Content(
            random.text(Content.TITLE_MAX),
            random.text(Content.SUMMARY_MAX),
            body.toString(),
            Language.FR,
            List.of(ActionLine.values()),
            List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17),
            random.list(Content.LINKS_MAX, () -> "https://example.org/" + random.uuid()));
    Contribution.State base = randomState(random, 0);
    List<Review> reviews = new ArrayList<>();
    List<HistoryEntry> history = new ArrayList<>();
    for (int i = 0; i < Contribution.REVISIONS_MAX * 3 + Contribution.REFUSED_KEPT; i++) {
      reviews.add(review(random));
      history.add(historyEntry(random));
    }
    Contribution.State largest =
        new Contribution.State(
            base.id(),
            base.processId(),
            base.agency(),
            base.status(),
            Contribution.REVISIONS_MAX,
            content,
            base.submittedAt(),
            base.submittedBy(),
            base.updatedAt(),
            base.withdrawalReason(),
            reviews,
            base.changes(),
            history);

    byte[] binary = serde.serializer().serialize(CHANGELOG, largest);
    assertThat(serde.deserializer().deserialize(CHANGELOG, binary)).isEqualTo(largest);
    assertThat(binary.length).isLessThan(json.serializer().serialize(CHANGELOG, largest).length);
  }

  static Contribution.State randomState(RandomValues r, int maxEntries) {
    return new Contribution.State(
        r.text(),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(() -> r.pick(ContributionStatus.class)),
        r.integer(),
        r.orNull(() -> content(r)),
        r.orNull(r::instant),
        r.orNull(r::text),
        r.orNull(r::instant),
        r.orNull(() -> r.text(2_000)),
        r.list(maxEntries, () -> review(r)),
        r.integer(),
        r.list(maxEntries, () -> historyEntry(r)));
  }

  static Content content(RandomValues r) {
    return new Content(
        r.text(300),
        r.text(),
        r.text(5_000),
        r.pick(Language.class),
        r.list(11, () -> r.pick(ActionLine.class)),
        r.list(17, () -> r.between(1, 17)),
        r.list(5, r::text));
  }

  static Review review(RandomValues r) {
    return new Review(
        r.orNull(r::uuid),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(() -> r.pick(Decision.class)),
        r.orNull(() -> r.text(2_000)),
        r.orNull(() -> r.pick(Decision.class)),
        r.integer(),
        r.bool(),
        r.orNull(r::instant));
  }

  static HistoryEntry historyEntry(RandomValues r) {
    return new HistoryEntry(
        r.orNull(() -> r.pick(HistoryEntry.Kind.class)),
        r.orNull(r::uuid),
        r.orNull(r::instant),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(r::text),
        r.integer(),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(() -> r.pick(Decision.class)),
        r.orNull(() -> r.pick(Decision.class)),
        r.orNull(r::text));
  }
}
