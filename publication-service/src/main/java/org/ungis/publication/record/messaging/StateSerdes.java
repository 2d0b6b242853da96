package org.ungis.publication.record.messaging;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.publication.record.ContributionTrack;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.RecordChange;
import org.ungis.streams.BinaryStoreSerde;
import org.ungis.streams.JsonSerde;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serdes of the service's own state (stores, their changelogs and the repartition topic). These are
 * internal to the service and never read by anyone else, so they need no registry. They are written
 * in the compact binary form of {@link StoreCodecs} ({@link BinaryStoreSerde}); values written as
 * JSON by earlier versions (an older changelog, or records still in the repartition topic) are read
 * as they are: unknown fields ignored, a number an older version did not write read as 0, entry
 * references as arrays and instants as epoch milliseconds, and the record with its entries packed
 * into one string.
 */
final class StateSerdes {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .addMixIn(EntryRef.class, CompactRef.class)
          .addMixIn(RecordChange.class, TypedChange.class)
          .build();

  /** Decoded values kept per serde that keeps any (each may hold an entry's whole text). */
  private static final int DECODED = 256;

  private StateSerdes() {}

  /**
   * The record's saved form. The publisher keeps the entries apart ({@link #refs()}) and saves the
   * record without them; older saved records that still hold their entries read back with them.
   */
  static Serde<ConsolidatedRecord.State> records() {
    BinaryStoreSerde<ConsolidatedRecord.State> binary =
        new BinaryStoreSerde<>(ConsolidatedRecord.State.class, StoreCodecs.RECORD, MAPPER);
    Deserializer<ConsolidatedRecord.State> json = jsonRecords().deserializer();
    Deserializer<ConsolidatedRecord.State> read = binary.deserializer();
    return Serdes.serdeFrom(
        binary.serializer(),
        (topic, bytes) ->
            bytes == null || (bytes.length > 0 && bytes[0] == BinaryStoreSerde.FORMAT)
                ? read.deserialize(topic, bytes)
                : json.deserialize(topic, bytes));
  }

  /**
   * The JSON form of the record that earlier versions wrote ({@link SavedRecord}: its entry list
   * packed into one string, one line per entry, tab separated).
   */
  static Serde<ConsolidatedRecord.State> jsonRecords() {
    Serde<SavedRecord> json = json(SavedRecord.class);
    return Serdes.serdeFrom(
        (topic, state) -> json.serializer().serialize(topic, SavedRecord.of(state)),
        (topic, bytes) -> {
          SavedRecord saved = json.deserializer().deserialize(topic, bytes);
          return saved == null ? null : saved.state();
        });
  }

  /** The JSON form of {@link ConsolidatedRecord.State}. */
  record SavedRecord(
      String processId,
      CallInfo call,
      int edition,
      boolean finalEdition,
      Instant closedAt,
      Instant publishedAt,
      String entries,
      List<String> withdrawn,
      List<ConsolidatedRecord.Changed> changed,
      Boolean closurePending,
      Boolean callPending,
      Boolean finalPublished,
      int corrigendum,
      List<Correction> corrections) {

    static SavedRecord of(ConsolidatedRecord.State state) {
      if (state == null) {
        return null;
      }
      StringBuilder packed = new StringBuilder(state.entries().size() * 64);
      for (EntryRef ref : state.entries()) {
        packed
            .append(field(ref.contributionId()))
            .append('\t')
            .append(field(ref.agency()))
            .append('\t')
            .append(ref.revision())
            .append('\t')
            .append(ref.submittedAt().toEpochMilli())
            .append('\n');
      }
      return new SavedRecord(
          state.processId(),
          state.call(),
          state.edition(),
          state.finalEdition(),
          state.closedAt(),
          state.publishedAt(),
          packed.toString(),
          state.withdrawn(),
          state.changed(),
          state.closurePending(),
          state.callPending(),
          state.finalPublished(),
          state.corrigendum(),
          state.corrections());
    }

    ConsolidatedRecord.State state() {
      List<EntryRef> refs = new ArrayList<>();
      if (entries != null && !entries.isEmpty()) {
        for (String line : entries.split("\n")) {
          String[] f = line.split("\t", 4);
          refs.add(
              new EntryRef(
                  unfield(f[0]),
                  unfield(f[1]),
                  Integer.parseInt(f[2]),
                  Instant.ofEpochMilli(Long.parseLong(f[3]))));
        }
      }
      return new ConsolidatedRecord.State(
          processId,
          call,
          edition,
          finalEdition,
          closedAt,
          publishedAt,
          refs,
          withdrawn == null ? List.of() : withdrawn,
          changed == null ? List.of() : changed,
          Boolean.TRUE.equals(closurePending),
          Boolean.TRUE.equals(callPending),
          finalPublished != null
              ? finalPublished
              : finalEdition && edition > 0 && !Boolean.TRUE.equals(closurePending),
          corrigendum,
          corrections == null ? List.of() : corrections);
    }

    private static String field(String value) {
      if (value.indexOf('%') < 0 && value.indexOf('\t') < 0 && value.indexOf('\n') < 0) {
        return value;
      }
      return value.replace("%", "%25").replace("\t", "%09").replace("\n", "%0A");
    }

    private static String unfield(String value) {
      if (value.indexOf('%') < 0) {
        return value;
      }
      return value.replace("%0A", "\n").replace("%09", "\t").replace("%25", "%");
    }
  }

  /**
   * How one contribution stands in a record: its entry, or withdrawn. Kept per contribution (key
   * {@code processId/contributionId}), so that an approval writes one small value, not the record.
   *
   * @param ref its entry in the record, or null
   * @param withdrawn whether it was withdrawn (it never comes back)
   */
  record SavedRef(EntryRef ref, boolean withdrawn) {}

  static Serde<SavedRef> refs() {
    return new BinaryStoreSerde<>(SavedRef.class, StoreCodecs.REF, MAPPER);
  }

  /**
   * Every event of a contribution reads its track and writes it back: the last values written are
   * kept decoded, so that the next event of the same contribution decodes nothing.
   */
  static Serde<ContributionTrack.State> tracks() {
    return new BinaryStoreSerde<>(ContributionTrack.State.class, StoreCodecs.TRACK, MAPPER)
        .decodedCache(DECODED);
  }

  /** An entry is written when approved and read when its edition is published, soon after. */
  static Serde<Entry> entries() {
    return new BinaryStoreSerde<>(Entry.class, StoreCodecs.ENTRY, MAPPER).decodedCache(DECODED);
  }

  static Serde<HistoryStep> history() {
    return new BinaryStoreSerde<>(HistoryStep.class, StoreCodecs.HISTORY, MAPPER);
  }

  /**
   * The repartition topic's values: written by the tracker and read back by the publisher, most
   * often by the same instance moments later, so the values written are kept decoded.
   */
  static Serde<RecordChange> changes() {
    return new BinaryStoreSerde<>(RecordChange.class, StoreCodecs.CHANGE, MAPPER)
        .decodedCache(DECODED);
  }

  static <T> Serde<T> json(Class<T> type) {
    return new JsonSerde<>(type, MAPPER);
  }

  @JsonFormat(shape = JsonFormat.Shape.ARRAY)
  @JsonPropertyOrder({"contributionId", "agency", "revision", "submittedAt"})
  private interface CompactRef {}

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = RecordChange.EntryApproved.class, name = "approved"),
    @JsonSubTypes.Type(value = RecordChange.EntryWithdrawn.class, name = "withdrawn")
  })
  private interface TypedChange {}
}
