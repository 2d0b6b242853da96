package org.ungis.publication.record.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.ContributionTrack;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.RecordChange;
import org.ungis.streams.BinaryStoreSerde;

class StateSerdesTest {

  static final Instant T0 = Instant.parse("2023-03-01T09:00:00.123Z");
  static final CallInfo CALL = new CallInfo("Call", "Description", T0.plusSeconds(86_400));

  static <T> T roundTrip(Serde<T> serde, T value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  @Test
  void theSavedRecordReadsBackEqualEvenWithOddIds() {
    ConsolidatedRecord.State state =
        new ConsolidatedRecord.State(
            "gdc-2023",
            CALL,
            7,
            true,
            T0.plusSeconds(60),
            T0.plusSeconds(120),
            List.of(
                new EntryRef("c1", "ITU", 1, T0),
                new EntryRef("odd\tid\nwith%25", "UNDP", 3, T0.plusSeconds(1))),
            List.of("gone"),
            List.of(
                new ConsolidatedRecord.Changed("c1", null),
                new ConsolidatedRecord.Changed("c2", new EntryRef("c2", "FAO", 1, T0))),
            true,
            true,
            true,
            2,
            List.of(
                new Correction(Correction.Kind.WITHDRAWN, "ITU", "c9", "Title", T0),
                new Correction(Correction.Kind.FRAMING, "", "", "", T0.plusSeconds(3))));

    assertThat(roundTrip(StateSerdes.records(), state)).isEqualTo(state);
  }

  @Test
  void aRecordNotYetPublishedReadsBackToo() {
    ConsolidatedRecord.State state =
        new ConsolidatedRecord.State(
            "p", null, 0, false, null, null, List.of(), List.of(), List.of(), false, false, false,
            0, List.of());
    assertThat(roundTrip(StateSerdes.records(), state)).isEqualTo(state);
  }

  @Test
  void tracksEntriesHistoryAndChangesReadBackEqual() {
    Content content =
        new Content("T", "S", "B", "EN", List.of("C1"), List.of(1, 17), List.of("https://a.org"));
    Entry entry = new Entry("p", "c1", "ITU", "Name", 2, T0, T0.plusSeconds(5), content);
    ContributionTrack.State track =
        new ContributionTrack.State("c1", "p", "ITU", T0, 2, content, false, 0, 1, 3, T0);

    assertThat(roundTrip(StateSerdes.tracks(), track)).isEqualTo(track);
    assertThat(roundTrip(StateSerdes.entries(), entry)).isEqualTo(entry);
    HistoryStep step =
        new HistoryStep(
            4, false, CALL, T0, List.of(entry.ref()), List.of("c0"), null, 0, List.of());
    assertThat(roundTrip(StateSerdes.history(), step)).isEqualTo(step);
    RecordChange approved = new RecordChange.EntryApproved(entry);
    RecordChange withdrawn = new RecordChange.EntryWithdrawn("p", "c1", T0);
    assertThat(roundTrip(StateSerdes.changes(), approved)).isEqualTo(approved);
    assertThat(roundTrip(StateSerdes.changes(), withdrawn)).isEqualTo(withdrawn);
    StateSerdes.SavedRef ref = new StateSerdes.SavedRef(entry.ref(), false);
    StateSerdes.SavedRef gone = new StateSerdes.SavedRef(null, true);
    assertThat(roundTrip(StateSerdes.refs(), ref)).isEqualTo(ref);
    assertThat(roundTrip(StateSerdes.refs(), gone)).isEqualTo(gone);
  }

  @Test
  void aTrackSavedBeforeRoundsWereTrackedReadsBackWithNoEndedRound() {
    ContributionTrack.State track =
        new ContributionTrack.State("c1", "p", "ITU", T0, 1, null, false, 1, 1, 0, null);
    String json =
        new String(
            StateSerdes.json(ContributionTrack.State.class).serializer().serialize("t", track),
            java.nio.charset.StandardCharsets.UTF_8);
    String older = json.replace("\"endedRevision\":1,", "");
    assertThat(older).isNotEqualTo(json).doesNotContain("endedRevision");

    ContributionTrack.State read =
        StateSerdes.tracks()
            .deserializer()
            .deserialize("t", older.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(read.endedRevision()).isZero();
    assertThat(read.approvedRevision()).isEqualTo(1);
  }

  @Test
  void aRecordSavedBeforeEditionsWereBatchedReadsBack() {
    String saved =
        "{\"processId\":\"p\",\"call\":null,\"edition\":3,\"finalEdition\":false,"
            + "\"closedAt\":null,\"publishedAt\":1677661200123,"
            + "\"entries\":\"c1\\tITU\\t1\\t1677661200123\\n\",\"withdrawn\":[\"gone\"]}";

    ConsolidatedRecord.State state =
        StateSerdes.records()
            .deserializer()
            .deserialize("t", saved.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    assertThat(state.entries()).containsExactly(new EntryRef("c1", "ITU", 1, T0));
    assertThat(state.withdrawn()).containsExactly("gone");
    assertThat(state.changed()).isEmpty();
    assertThat(state.closurePending()).isFalse();
  }

  @Test
  void valuesWrittenAsJsonByEarlierVersionsReadBackEqual() {
    Entry entry = largestEntry();
    ContributionTrack.State track = largestTrack();
    HistoryStep step = largestSnapshot();
    ConsolidatedRecord.State state = largestRecord();
    RecordChange withdrawn = new RecordChange.EntryWithdrawn("p", "c1", T0);
    StateSerdes.SavedRef ref = new StateSerdes.SavedRef(entry.ref(), false);

    assertThat(fromJson(StateSerdes.tracks(), ContributionTrack.State.class, track))
        .isEqualTo(track);
    assertThat(fromJson(StateSerdes.entries(), Entry.class, entry)).isEqualTo(entry);
    assertThat(fromJson(StateSerdes.history(), HistoryStep.class, step)).isEqualTo(step);
    assertThat(fromJson(StateSerdes.changes(), RecordChange.class, withdrawn)).isEqualTo(withdrawn);
    RecordChange approved = new RecordChange.EntryApproved(entry);
    assertThat(fromJson(StateSerdes.changes(), RecordChange.class, approved)).isEqualTo(approved);
    assertThat(fromJson(StateSerdes.refs(), StateSerdes.SavedRef.class, ref)).isEqualTo(ref);
    byte[] json = StateSerdes.jsonRecords().serializer().serialize("t", state);
    assertThat(json[0]).isEqualTo((byte) '{');
    assertThat(StateSerdes.records().deserializer().deserialize("t", json)).isEqualTo(state);
  }

  @Test
  void theLargestValuesReadBackEqualAndSmallerThanTheirJson() {
    assertBinaryRoundTrip(StateSerdes::tracks, ContributionTrack.State.class, largestTrack());
    assertBinaryRoundTrip(StateSerdes::entries, Entry.class, largestEntry());
    assertBinaryRoundTrip(StateSerdes::history, HistoryStep.class, largestSnapshot());
    assertBinaryRoundTrip(
        StateSerdes::changes, RecordChange.class, new RecordChange.EntryApproved(largestEntry()));
    assertBinaryRoundTrip(
        StateSerdes::refs, StateSerdes.SavedRef.class, new StateSerdes.SavedRef(null, true));
    ConsolidatedRecord.State state = largestRecord();
    byte[] bytes = StateSerdes.records().serializer().serialize("t", state);
    assertThat(bytes[0]).isEqualTo(BinaryStoreSerde.FORMAT);
    assertThat(StateSerdes.records().deserializer().deserialize("t", bytes)).isEqualTo(state);
    assertThat(bytes.length)
        .isLessThan(StateSerdes.jsonRecords().serializer().serialize("t", state).length);
  }

  private static <T> T fromJson(Serde<T> serde, Class<T> type, T value) {
    byte[] json = StateSerdes.json(type).serializer().serialize("t", value);
    assertThat(json[0]).isEqualTo((byte) '{');
    return serde.deserializer().deserialize("t", json);
  }

  /** Written by one serde and read by another, so that nothing is found decoded already. */
  private static <T> void assertBinaryRoundTrip(Supplier<Serde<T>> serdes, Class<T> type, T value) {
    byte[] bytes = serdes.get().serializer().serialize("t", value);
    assertThat(bytes[0]).isEqualTo(BinaryStoreSerde.FORMAT);
    assertThat(serdes.get().deserializer().deserialize("t", bytes)).isEqualTo(value);
    assertThat(bytes.length)
        .as(type.getSimpleName() + " smaller than its JSON")
        .isLessThan(StateSerdes.json(type).serializer().serialize("t", value).length);
  }

  /** A contribution's text at the platform's limits: a 50,000-character body. */
  static Content largestContent() {
    return new Content(
        "A title of two hundred characters ".repeat(6),
        "A summary of some length, as agencies write them. ".repeat(20),
        "Ünïcode body text with tabs\t and lines\n. ".repeat(1_300).substring(0, 50_000),
        "FR",
        List.of("C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9", "C10", "C11"),
        List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17),
        List.of("https://example.org/a", "https://example.org/b", "https://example.org/c"));
  }

  static Entry largestEntry() {
    List<Approval> approvals =
        IntStream.range(0, 20)
            .mapToObj(
                i -> new Approval("AG" + i, "reviewer-" + i + "@agency.org", T0.plusSeconds(i)))
            .toList();
    return new Entry(
        "gdc-2023",
        "0b0e9d7a-6f5c-4e8b-9f3a-2d1c0b9a8f7e",
        "ITU",
        "International Telecommunication Union",
        20,
        T0,
        T0.plusSeconds(3_600),
        largestContent(),
        approvals);
  }

  static ContributionTrack.State largestTrack() {
    List<ContributionTrack.Vote> votes =
        IntStream.range(0, 40)
            .mapToObj(
                i ->
                    new ContributionTrack.Vote(
                        1 + i / 2, new Approval("AG" + i, "reviewer-" + i, T0.plusSeconds(i))))
            .toList();
    return new ContributionTrack.State(
        "0b0e9d7a-6f5c-4e8b-9f3a-2d1c0b9a8f7e",
        "gdc-2023",
        "ITU",
        T0,
        20,
        largestContent(),
        false,
        19,
        19,
        20,
        T0.plusSeconds(60),
        votes);
  }

  /** The complete list of a 5,000-entry call, as every 50th edition keeps it. */
  static HistoryStep largestSnapshot() {
    List<EntryRef> refs =
        IntStream.range(0, 5_000)
            .mapToObj(
                i ->
                    new EntryRef(
                        UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8)}).toString(),
                        "AG" + (i % 190),
                        1 + i % 3,
                        T0.plusMillis(i)))
            .toList();
    CallInfo call =
        new CallInfo(
            "Call", "Description", T0, "E/CN.16/2023/2", "FR", "Intro ".repeat(500), "End");
    return new HistoryStep(
        50,
        true,
        call,
        T0,
        refs.subList(0, 100),
        List.of("gone"),
        refs,
        3,
        List.of(new Correction(Correction.Kind.REVISED, "ITU", "c1", "Title", T0)));
  }

  /** A record without its entries (as saved), with many changes since its latest edition. */
  static ConsolidatedRecord.State largestRecord() {
    List<EntryRef> refs = largestSnapshot().snapshot();
    return new ConsolidatedRecord.State(
        "gdc-2023",
        largestSnapshot().call(),
        120,
        true,
        T0.plusSeconds(60),
        T0.plusSeconds(120),
        List.of(),
        List.of(),
        refs.stream().map(r -> new ConsolidatedRecord.Changed(r.contributionId(), r)).toList(),
        false,
        true,
        true,
        4,
        refs.stream()
            .limit(500)
            .map(
                r ->
                    new Correction(
                        Correction.Kind.ADDED, r.agency(), r.contributionId(), "Title", T0))
            .toList());
  }
}
