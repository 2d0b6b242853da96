package org.ungis.publication.record.messaging;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.EditionHistory;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.publication.record.PublishedRecords;
import org.ungis.publication.record.RecordSummary;
import org.ungis.streams.AdvertisedEndpoint;

/**
 * Reads what was published. The latest edition comes from the global store fed by {@code
 * ungis.records.v1}, so it is exactly what a downstream subscriber reads; past editions, whose
 * manifests compaction removes from the topic, come from the publisher's history and entry stores
 * (changelogged, so they survive the loss of the local state).
 *
 * <p>The history stores are partitioned by process; with several instances (each with its {@code
 * application.server}), a past edition is answered by the instance that hosts the process's
 * partition, to which the others forward the request.
 */
@Component
class StreamsPublishedRecords implements PublishedRecords {

  private final StreamsBuilderFactoryBean streams;

  /** This instance's {@code application.server}, or null when it is not set (one instance). */
  private final HostInfo self;

  StreamsPublishedRecords(StreamsBuilderFactoryBean streams) {
    this.streams = streams;
    this.self = AdvertisedEndpoint.of(streams.getStreamsConfiguration()).orElse(null);
  }

  @Override
  public List<RecordSummary> list() {
    List<RecordSummary> summaries = new ArrayList<>();
    try (KeyValueIterator<String, RecordEvent> all = published().all()) {
      while (all.hasNext()) {
        KeyValue<String, RecordEvent> next = all.next();
        if (!RecordKeys.isEntry(next.key)
            && next.value != null
            && next.value.getPayload() instanceof RecordEdition manifest) {
          summaries.add(
              new RecordSummary(
                  next.key,
                  manifest.getCallTitle(),
                  manifest.getEdition(),
                  manifest.getFinal$(),
                  manifest.getEntries().size(),
                  next.value.getOccurredAt()));
        }
      }
    }
    summaries.sort((a, b) -> a.processId().compareTo(b.processId()));
    return summaries;
  }

  @Override
  public Optional<PublishedRecord> latest(String processId) {
    ReadOnlyKeyValueStore<String, RecordEvent> published = published();
    RecordEvent event = published.get(processId);
    if (event == null || !(event.getPayload() instanceof RecordEdition manifest)) {
      return Optional.empty();
    }
    List<Entry> entries = new ArrayList<>(manifest.getEntries().size());
    for (EntryRef ref : manifest.getEntries()) {
      RecordEvent entryEvent = published.get(ref.getKey());
      if (entryEvent != null
          && entryEvent.getPayload() instanceof RecordEntry entry
          && entry.getRevision() == ref.getRevision()) {
        entries.add(RecordMessages.entry(entryEvent, entry));
      } else {
        // The global store applies the topic's partitions one by one: an entry written in the
        // same transaction as the manifest may not be there yet. Its text is in the entry store.
        entries.add(entryText(processId, ref.getContributionId(), ref.getRevision()));
      }
    }
    Edition edition = RecordMessages.edition(event, manifest, entries);
    return Optional.of(new PublishedRecord(edition, entries));
  }

  @Override
  public Optional<PublishedRecord> edition(String processId, int number) {
    if (number < 1) {
      return Optional.empty();
    }
    Optional<PublishedRecord> latest = latest(processId);
    if (latest.isPresent() && latest.get().edition().number() == number) {
      return latest;
    }
    requireLocalHistory(processId);
    List<HistoryStep> steps = new ArrayList<>();
    ReadOnlyKeyValueStore<String, HistoryStep> history = local(PublicationTopology.HISTORY);
    try (KeyValueIterator<String, HistoryStep> back =
        history.reverseRange(
            RecordKeys.history(processId, 1), RecordKeys.history(processId, number))) {
      while (back.hasNext()) {
        HistoryStep step = back.next().value;
        if (steps.isEmpty() && step.number() != number) {
          return Optional.empty();
        }
        steps.add(step);
        if (step.hasSnapshot()) {
          break;
        }
      }
    }
    if (steps.isEmpty() || !steps.get(steps.size() - 1).hasSnapshot()) {
      return Optional.empty();
    }
    Collections.reverse(steps);
    Edition edition = EditionHistory.rebuild(processId, steps);
    List<Entry> entries =
        edition.entries().stream()
            .map(ref -> entryText(processId, ref.contributionId(), ref.revision()))
            .toList();
    return Optional.of(new PublishedRecord(edition, entries));
  }

  /**
   * With several instances ({@code application.server} set), the history of a process is kept by
   * the instance that owns the process's partition; any other instance sends the request there.
   */
  private void requireLocalHistory(String processId) {
    if (self == null) {
      return;
    }
    KeyQueryMetadata owner =
        running()
            .queryMetadataForKey(
                PublicationTopology.HISTORY, processId, Serdes.String().serializer());
    if (owner == null || KeyQueryMetadata.NOT_AVAILABLE.equals(owner)) {
      throw new UnavailableException("the history of " + processId + " is being moved", null);
    }
    if (!self.equals(owner.activeHost())) {
      throw new ElsewhereException(owner.activeHost().host(), owner.activeHost().port());
    }
  }

  private Entry entryText(String processId, String contributionId, int revision) {
    Entry entry =
        this.<Entry>local(PublicationTopology.ENTRIES)
            .get(RecordKeys.entryText(processId, contributionId, revision));
    if (entry == null) {
      throw new UnavailableException(
          "the text of " + contributionId + " is not available on this instance yet", null);
    }
    return entry;
  }

  private ReadOnlyKeyValueStore<String, RecordEvent> published() {
    return local(PublicationTopology.PUBLISHED);
  }

  private KafkaStreams running() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new UnavailableException("the published records are being loaded", null);
    }
    return kafkaStreams;
  }

  private <V> ReadOnlyKeyValueStore<String, V> local(String store) {
    KafkaStreams kafkaStreams = running();
    try {
      return kafkaStreams.store(
          StoreQueryParameters.fromNameAndType(
              store, QueryableStoreTypes.<String, V>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      throw new UnavailableException("the published records are being loaded", e);
    }
  }
}
