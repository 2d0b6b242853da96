package org.ungis.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallState;
import org.ungis.review.call.Extension;
import org.ungis.review.call.JointInput;
import org.ungis.review.call.WithdrawalRule;
import org.ungis.review.review.Approval;
import org.ungis.review.review.HistoryEntry;
import org.ungis.review.review.ItemStatus;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.review.ReviewRound;
import org.ungis.review.review.Verdict;
import org.ungis.review.rules.Actor;
import org.ungis.streams.JsonSerde;
import org.ungis.testsupport.RandomValues;

/** The binary values of the review items and calls stores, and the JSON values they replaced. */
class ViewStoreCodecsTest {

  /**
   * Written by one serde and read by another, as a restarted instance reads its changelog: the
   * stores' serdes keep what they write decoded, which would hand the same value back.
   */
  static <T> T roundTrip(Supplier<? extends Serde<T>> serde, T value) {
    byte[] bytes = serde.get().serializer().serialize("t", value);
    return serde.get().deserializer().deserialize("t", bytes);
  }

  /** What the stores wrote before the binary format, and what an old changelog holds. */
  static <T> byte[] oldJson(Class<T> type, T value) {
    return new JsonSerde<>(type, ViewJson.MAPPER).serializer().serialize("t", value);
  }

  @Test
  void randomReviewItemsRoundTripWithEveryField() {
    for (long seed = 0; seed < 500; seed++) {
      ReviewItem item = randomItem(new RandomValues(seed), 30);
      assertThat(roundTrip(ReviewItemCodec::serde, item)).as("seed %d", seed).isEqualTo(item);
    }
  }

  @Test
  void randomCallsRoundTripWithEveryField() {
    for (long seed = 0; seed < 500; seed++) {
      CallForInputs call = randomCall(new RandomValues(seed));
      assertThat(roundTrip(CallCodec::serde, call)).as("seed %d", seed).isEqualTo(call);
    }
  }

  @Test
  void reviewItemsAndCallsWrittenAsJsonByTheOldSerdeAreReadAsTheSameValues() {
    for (long seed = 0; seed < 200; seed++) {
      RandomValues random = new RandomValues(seed);
      ReviewItem item = randomItem(random, 30);
      CallForInputs call = randomCall(random);
      byte[] oldItem = oldJson(ReviewItem.class, item);
      byte[] oldCall = oldJson(CallForInputs.class, call);
      assertThat(oldItem[0]).isEqualTo((byte) '{');
      assertThat(ReviewItemCodec.serde().deserializer().deserialize("t", oldItem))
          .as("seed %d", seed)
          .isEqualTo(item);
      assertThat(CallCodec.serde().deserializer().deserialize("t", oldCall))
          .as("seed %d", seed)
          .isEqualTo(call);
    }
  }

  @Test
  void anItemFoldedByTheDomainRoundTrips() {
    Instant t = Instant.parse("2023-03-01T08:00:00Z");
    ReviewItem item =
        ReviewItem.submitted("c-1", "gdc-2023", "UNESCWA", 1, "مساهمة الإسكوا", "ملخص", t)
            .recorded("e-1", 1, new Actor("ITU", "王芳"), "CHAIR", Verdict.APPROVED, null, null, t)
            .refused(
                "e-2", 1, new Actor("UNESCWA", "q"), "AGENCY", Verdict.APPROVED, "RECUSAL", "m", t)
            .revised(2, "信息社会世界峰会", "摘要", t.plusSeconds(60))
            .withdrawn();
    assertThat(roundTrip(ReviewItemCodec::serde, item)).isEqualTo(item);
  }

  @Test
  void nullFieldsRoundTrip() {
    ReviewItem sparse =
        new ReviewItem("c-1", null, null, 0, null, null, null, null, null, null, null);
    HistoryEntry entry =
        new HistoryEntry(null, 0, null, null, null, null, null, null, false, null, null, null);
    ReviewItem sparseRound =
        new ReviewItem(
            "c-2",
            null,
            null,
            0,
            null,
            null,
            null,
            null,
            null,
            new ReviewRound(0, List.of(new Approval(null, null, null)), null, null),
            List.of(entry));
    CallForInputs call = new CallForInputs(null, null, null, null, 0, null, null, null);
    assertThat(roundTrip(ReviewItemCodec::serde, sparse)).isEqualTo(sparse);
    assertThat(roundTrip(ReviewItemCodec::serde, sparseRound)).isEqualTo(sparseRound);
    assertThat(roundTrip(CallCodec::serde, call)).isEqualTo(call);
  }

  @Test
  void aLargeHistoryAndLongFramingRoundTripSmallerThanTheirJson() {
    RandomValues random = new RandomValues(7);
    List<HistoryEntry> history = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      history.add(historyEntry(random));
    }
    ReviewItem item =
        new ReviewItem(
            "c-big",
            "igf-2026",
            "UNDP",
            20,
            random.text(300),
            random.text(2_000),
            random.instant(),
            random.instant(),
            ItemStatus.SUBMITTED,
            round(random),
            history);
    CallForInputs call =
        new CallForInputs(
            "igf-2026",
            random.text(300),
            random.text(10_000),
            random.instant(),
            3,
            CallState.CLOSED,
            random.list(40, () -> extension(random)),
            new JointInput(
                "UNGIS/2026/IGF/1",
                "ZH",
                WithdrawalRule.CORRIGENDUM,
                random.text(20_000),
                random.text(20_000)));

    byte[] itemBytes = ReviewItemCodec.serde().serializer().serialize("t", item);
    byte[] callBytes = CallCodec.serde().serializer().serialize("t", call);
    assertThat(ReviewItemCodec.serde().deserializer().deserialize("t", itemBytes)).isEqualTo(item);
    assertThat(CallCodec.serde().deserializer().deserialize("t", callBytes)).isEqualTo(call);
    assertThat(itemBytes.length).isLessThan(oldJson(ReviewItem.class, item).length);
    assertThat(callBytes.length).isLessThan(oldJson(CallForInputs.class, call).length);
  }

  static ReviewItem randomItem(RandomValues r, int maxEntries) {
    return new ReviewItem(
        r.text(),
        r.orNull(r::text),
        r.orNull(r::text),
        r.integer(),
        r.orNull(() -> r.text(300)),
        r.orNull(() -> r.text(2_000)),
        r.orNull(r::instant),
        r.orNull(r::instant),
        r.orNull(() -> r.pick(ItemStatus.class)),
        r.orNull(() -> round(r)),
        r.list(maxEntries, () -> historyEntry(r)));
  }

  static ReviewRound round(RandomValues r) {
    return new ReviewRound(
        r.integer(),
        r.list(6, () -> new Approval(r.orNull(r::text), r.orNull(r::text), r.orNull(r::instant))),
        r.orNull(() -> r.pick(Verdict.class)),
        r.orNull(r::instant));
  }

  static HistoryEntry historyEntry(RandomValues r) {
    return new HistoryEntry(
        r.orNull(r::text),
        r.integer(),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(() -> r.pick(Verdict.class)),
        r.orNull(() -> r.text(2_000)),
        r.orNull(() -> r.pick(Verdict.class)),
        r.bool(),
        r.orNull(r::text),
        r.orNull(r::text),
        r.orNull(r::instant));
  }

  static CallForInputs randomCall(RandomValues r) {
    return new CallForInputs(
        r.orNull(r::text),
        r.orNull(() -> r.text(300)),
        r.orNull(() -> r.text(1_000)),
        r.orNull(r::instant),
        r.integer(),
        r.orNull(() -> r.pick(CallState.class)),
        r.list(5, () -> extension(r)),
        r.orNull(
            () ->
                new JointInput(
                    r.orNull(r::text),
                    r.orNull(r::text),
                    r.orNull(() -> r.pick(WithdrawalRule.class)),
                    r.orNull(() -> r.text(1_000)),
                    r.orNull(() -> r.text(1_000)))));
  }

  static Extension extension(RandomValues r) {
    return new Extension(r.orNull(r::text), r.orNull(r::instant), r.orNull(r::text));
  }
}
