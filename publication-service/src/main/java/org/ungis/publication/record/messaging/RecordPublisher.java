package org.ungis.publication.record.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
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
import org.ungis.reference.Member;
import org.ungis.reference.Roster;

/**
 * Keeps each call's {@link ConsolidatedRecord} (key = process id) and publishes its editions: for
 * each publication, the text of every added entry (key {@code processId/contributionId}), a
 * tombstone for every removed one, then the manifest (key {@code processId}). It also keeps every
 * entry text per revision and every edition's history step, so that past editions can be read after
 * compaction has removed their manifests from the topic.
 *
 * <p><b>Editions are batched.</b> An approval or a withdrawal is applied to the record at once (and
 * saved), but published by a wall-clock punctuation every {@code editionInterval}: one edition per
 * record whose entries changed since its previous edition, with all those changes. So the number of
 * manifests (each lists every entry of its record) grows with time, not with approvals: n approvals
 * arriving together cost O(n) instead of O(n²). A change of the call itself (first sight, closure)
 * publishes at once, with whatever is pending. The punctuation runs on the stream thread inside the
 * task's exactly-once transaction, like the processing of a record: the edition, the store updates
 * and the input offsets commit together. With an interval of zero every change is published at
 * once, as before batching.
 *
 * <p><b>Saved form.</b> The record is saved in two parts so that a change writes a few small
 * values, not the whole record: the record without its entries in {@code records} (call, edition,
 * changes since the latest edition), and each contribution's entry (or withdrawal) in {@code
 * record-refs} under {@code processId/contributionId}. Loading a record reads both.
 */
class RecordPublisher implements Processor<String, PublisherInput, String, RecordEvent> {

  private static final Logger log = LoggerFactory.getLogger(RecordPublisher.class);

  private static final StringSerializer KEYS = new StringSerializer();

  private final Roster roster;
  private final PublicationMetrics metrics;
  private final Duration editionInterval;
  private ProcessorContext<String, RecordEvent> context;
  private KeyValueStore<String, ConsolidatedRecord.State> records;
  private KeyValueStore<String, StateSerdes.SavedRef> refs;
  private KeyValueStore<String, Entry> entries;
  private KeyValueStore<String, HistoryStep> history;

  /** Records with changes not published yet (restored from the saved records on init). */
  private final Set<String> pending = new LinkedHashSet<>();

  /**
   * The records this task changed last, as objects: reading a 5,000-entry record back from its
   * stores on every approval would parse it each time. Write-through (the stores are always
   * written), dropped whenever the task is (re)initialized, so it never outlives the stores it
   * mirrors.
   */
  private final Map<String, ConsolidatedRecord> recent =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ConsolidatedRecord> eldest) {
          return size() > 8;
        }
      };

  RecordPublisher(Roster roster, PublicationMetrics metrics, Duration editionInterval) {
    this.roster = roster;
    this.metrics = metrics;
    this.editionInterval = editionInterval;
  }

  @Override
  public void init(ProcessorContext<String, RecordEvent> context) {
    this.context = context;
    this.records = context.getStateStore(PublicationTopology.RECORDS);
    this.refs = context.getStateStore(PublicationTopology.REFS);
    this.entries = context.getStateStore(PublicationTopology.ENTRIES);
    this.history = context.getStateStore(PublicationTopology.HISTORY);
    this.recent.clear();
    this.pending.clear();
    if (!editionInterval.isZero()) {
      try (KeyValueIterator<String, ConsolidatedRecord.State> all = records.all()) {
        while (all.hasNext()) {
          KeyValue<String, ConsolidatedRecord.State> next = all.next();
          ConsolidatedRecord.State saved = next.value;
          if (saved != null
              && (saved.closurePending()
                  || saved.callPending()
                  || !saved.changed().isEmpty()
                  || (saved.edition() == 0 && saved.call() != null))) {
            pending.add(next.key);
          }
        }
      }
      context.schedule(editionInterval, PunctuationType.WALL_CLOCK_TIME, this::publishPending);
    }
  }

  @Override
  public void close() {
    recent.clear();
    pending.clear();
  }

  @Override
  public void process(Record<String, PublisherInput> input) {
    String processId = input.key();
    if (processId == null || input.value() == null) {
      return;
    }
    ConsolidatedRecord record = recent.computeIfAbsent(processId, this::load);
    try {
      if (input.value() instanceof PublisherInput.Call call) {
        record.describe(call.info(), call.closed(), call.at());
        publish(record, input.timestamp());
        return;
      }
      RecordChange change = ((PublisherInput.Change) input.value()).change();
      if (apply(record, processId, change)) {
        if (editionInterval.isZero()) {
          publish(record, input.timestamp());
        } else {
          save(record);
          pending.add(processId);
        }
      }
    } catch (RuntimeException e) {
      recent.remove(processId);
      throw e;
    }
  }

  /** The punctuation: one edition for each record with changes since its previous edition. */
  private void publishPending(long now) {
    List<String> due = new ArrayList<>(pending);
    pending.clear();
    for (String processId : due) {
      ConsolidatedRecord record = recent.computeIfAbsent(processId, this::load);
      try {
        publish(record, now);
      } catch (RuntimeException e) {
        recent.remove(processId);
        throw e;
      }
    }
  }

  private ConsolidatedRecord load(String processId) {
    ConsolidatedRecord.State saved = records.get(processId);
    List<EntryRef> listed = new ArrayList<>();
    List<String> withdrawn = new ArrayList<>();
    String prefix = RecordKeys.entry(processId, "");
    try (KeyValueIterator<String, StateSerdes.SavedRef> all = refs.prefixScan(prefix, KEYS)) {
      while (all.hasNext()) {
        KeyValue<String, StateSerdes.SavedRef> next = all.next();
        if (next.value.ref() != null) {
          listed.add(next.value.ref());
        }
        if (next.value.withdrawn()) {
          withdrawn.add(next.key.substring(prefix.length()));
        }
      }
    }
    if (saved == null) {
      saved = ConsolidatedRecord.empty(processId).state();
    }
    if (!saved.entries().isEmpty() || !saved.withdrawn().isEmpty()) {
      // Saved before the entries were kept apart: move them to the refs store.
      ConsolidatedRecord migrated = ConsolidatedRecord.restore(saved);
      saved.entries().forEach(ref -> saveRef(migrated, ref.contributionId()));
      saved.withdrawn().forEach(id -> saveRef(migrated, id));
      save(migrated);
    }
    List<EntryRef> allEntries = new ArrayList<>(saved.entries());
    allEntries.addAll(listed);
    List<String> allWithdrawn = new ArrayList<>(saved.withdrawn());
    allWithdrawn.addAll(withdrawn);
    return ConsolidatedRecord.restore(saved.with(allEntries, allWithdrawn));
  }

  private boolean apply(ConsolidatedRecord record, String processId, RecordChange change) {
    if (change instanceof RecordChange.EntryApproved approved) {
      Entry entry = approved.entry();
      Entry named =
          entry.withAgencyName(roster.member(entry.agency()).map(Member::name).orElse(""));
      boolean changed = record.add(named.ref(), named.approvedAt(), entry.content().title());
      if (changed) {
        entries.put(
            RecordKeys.entryText(processId, entry.contributionId(), entry.revision()), named);
        saveRef(record, entry.contributionId());
      }
      return changed;
    }
    RecordChange.EntryWithdrawn withdrawn = (RecordChange.EntryWithdrawn) change;
    boolean wasWithdrawn = record.isWithdrawn(withdrawn.contributionId());
    String title =
        record
            .entry(withdrawn.contributionId())
            .map(
                ref ->
                    entries.get(
                        RecordKeys.entryText(processId, ref.contributionId(), ref.revision())))
            .map(e -> e.content().title())
            .orElse("");
    boolean changed = record.remove(withdrawn.contributionId(), withdrawn.at(), title);
    if (changed || !wasWithdrawn) {
      saveRef(record, withdrawn.contributionId());
    }
    return changed;
  }

  /** Publishes the record's pending edition, if any, and saves the record. */
  private void publish(ConsolidatedRecord record, long timestamp) {
    pending.remove(record.processId());
    Optional<Publication> publication = record.publishPending();
    save(record);
    publication.ifPresent(p -> forward(p, timestamp));
  }

  private void save(ConsolidatedRecord record) {
    records.put(record.processId(), record.state().with(List.of(), List.of()));
  }

  private void saveRef(ConsolidatedRecord record, String contributionId) {
    EntryRef ref = record.entry(contributionId).orElse(null);
    boolean withdrawn = record.isWithdrawn(contributionId);
    String key = RecordKeys.entry(record.processId(), contributionId);
    if (ref == null && !withdrawn) {
      refs.delete(key);
    } else {
      refs.put(key, new StateSerdes.SavedRef(ref, withdrawn));
    }
  }

  private void forward(Publication publication, long timestamp) {
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
