package org.ungis.publication.record.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.events.record.RecordEvent;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.Publication;
import org.ungis.publication.record.RecordChange;
import org.ungis.publication.record.RecordFinalException;
import org.ungis.reference.Member;
import org.ungis.reference.Roster;

/**
 * Keeps each call's {@link ConsolidatedRecord} (key = process id) and publishes its editions: for
 * each publication, the text of every added entry (key {@code processId/contributionId}), a
 * tombstone for every removed one, then the manifest (key {@code processId}). It also keeps every
 * entry text per revision and every edition's history step, so that past editions can be read after
 * compaction has removed their manifests from the topic.
 */
class RecordPublisher implements Processor<String, PublisherInput, String, RecordEvent> {

  private static final Logger log = LoggerFactory.getLogger(RecordPublisher.class);

  private final Roster roster;
  private final PublicationMetrics metrics;
  private ProcessorContext<String, RecordEvent> context;
  private KeyValueStore<String, ConsolidatedRecord.State> records;
  private KeyValueStore<String, Entry> entries;
  private KeyValueStore<String, HistoryStep> history;

  /**
   * The records this task changed last, as objects: reading a 5,000-entry record back from its
   * store on every approval would parse it each time. Write-through (the store is always written),
   * dropped whenever the task is (re)initialized, so it never outlives the store it mirrors.
   */
  private final Map<String, ConsolidatedRecord> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConsolidatedRecord> eldest) {
          return size() > 8;
        }
      };

  RecordPublisher(Roster roster, PublicationMetrics metrics) {
    this.roster = roster;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, RecordEvent> context) {
    this.context = context;
    this.records = context.getStateStore(PublicationTopology.RECORDS);
    this.entries = context.getStateStore(PublicationTopology.ENTRIES);
    this.history = context.getStateStore(PublicationTopology.HISTORY);
    this.recent.clear();
  }

  @Override
  public void close() {
    recent.clear();
  }

  @Override
  public void process(Record<String, PublisherInput> input) {
    String processId = input.key();
    if (processId == null || input.value() == null) {
      return;
    }
    ConsolidatedRecord record = recent.computeIfAbsent(processId, this::load);
    try {
      Optional<Publication> publication = apply(record, processId, input.value());
      records.put(processId, record.state());
      publication.ifPresent(p -> publish(p, input.timestamp()));
    } catch (RecordFinalException e) {
      log.warn("ignored a change to a final record: {}", e.getMessage());
    } catch (RuntimeException e) {
      recent.remove(processId);
      throw e;
    }
  }

  private ConsolidatedRecord load(String processId) {
    ConsolidatedRecord.State saved = records.get(processId);
    return saved == null ? ConsolidatedRecord.empty(processId) : ConsolidatedRecord.restore(saved);
  }

  private Optional<Publication> apply(
      ConsolidatedRecord record, String processId, PublisherInput input) {
    if (input instanceof PublisherInput.Call call) {
      return record.describe(call.info(), call.closed(), call.at());
    }
    RecordChange change = ((PublisherInput.Change) input).change();
    if (change instanceof RecordChange.EntryApproved approved) {
      Entry entry = approved.entry();
      Entry named =
          entry.withAgencyName(roster.member(entry.agency()).map(Member::name).orElse(""));
      entries.put(RecordKeys.entryText(processId, entry.contributionId(), entry.revision()), named);
      return record.add(named.ref(), named.approvedAt());
    }
    RecordChange.EntryWithdrawn withdrawn = (RecordChange.EntryWithdrawn) change;
    return record.remove(withdrawn.contributionId(), withdrawn.at());
  }

  private void publish(Publication publication, long timestamp) {
    String processId = publication.edition().processId();
    for (EntryRef ref : publication.added()) {
      Entry entry =
          entries.get(RecordKeys.entryText(processId, ref.contributionId(), ref.revision()));
      context.forward(
          new Record<>(
              RecordKeys.entry(processId, ref.contributionId()),
              RecordMessages.entry(entry),
              timestamp));
    }
    for (String contributionId : publication.removed()) {
      context.forward(
          new Record<String, RecordEvent>(
              RecordKeys.entry(processId, contributionId), null, timestamp));
    }
    context.forward(
        new Record<>(processId, RecordMessages.edition(publication.edition()), timestamp));
    history.put(
        RecordKeys.history(processId, publication.edition().number()), HistoryStep.of(publication));
    metrics.published(publication);
  }
}
