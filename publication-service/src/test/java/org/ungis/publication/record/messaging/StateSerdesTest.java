package org.ungis.publication.record.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.ContributionTrack;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.RecordChange;

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
            StateSerdes.tracks().serializer().serialize("t", track),
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
}
