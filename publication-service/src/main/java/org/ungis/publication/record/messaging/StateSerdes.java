package org.ungis.publication.record.messaging;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.publication.record.ContributionTrack;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.RecordChange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serdes of the service's own state (stores, their changelogs and the repartition topic): compact
 * JSON of the domain's saved forms. These are internal to the service and never read by anyone
 * else, so they need no registry; unknown fields are ignored so that a newer version can add some.
 * Entry references are written as arrays and instants as epoch milliseconds, which keeps the saved
 * record of a 5,000-entry call at about 350 KB, well under the 1 MB message limit of its changelog.
 */
final class StateSerdes {

  static final JsonMapper MAPPER =
      JsonMapper.builder()
          .enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .addMixIn(EntryRef.class, CompactRef.class)
          .addMixIn(RecordChange.class, TypedChange.class)
          .build();

  private StateSerdes() {}

  static Serde<ConsolidatedRecord.State> records() {
    return json(ConsolidatedRecord.State.class);
  }

  static Serde<ContributionTrack.State> tracks() {
    return json(ContributionTrack.State.class);
  }

  static Serde<Entry> entries() {
    return json(Entry.class);
  }

  static Serde<HistoryStep> history() {
    return json(HistoryStep.class);
  }

  static Serde<RecordChange> changes() {
    return json(RecordChange.class);
  }

  static <T> Serde<T> json(Class<T> type) {
    Serializer<T> serializer =
        (topic, value) -> {
          if (value == null) {
            return null;
          }
          try {
            return MAPPER.writeValueAsBytes(value);
          } catch (JacksonException e) {
            throw new SerializationException("cannot write " + type.getSimpleName(), e);
          }
        };
    Deserializer<T> deserializer =
        (topic, bytes) -> {
          if (bytes == null) {
            return null;
          }
          try {
            return MAPPER.readValue(bytes, type);
          } catch (JacksonException e) {
            throw new SerializationException("cannot read " + type.getSimpleName(), e);
          }
        };
    return Serdes.serdeFrom(serializer, deserializer);
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
