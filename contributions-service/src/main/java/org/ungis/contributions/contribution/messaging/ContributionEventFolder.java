package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.streams.IdempotencyHeaders;

/**
 * Folds submitted, revised and withdrawn events into the contribution aggregate by calling the same
 * domain methods as the write path. An event the aggregate refuses throws, and the processing
 * exception handler sends the record to the dead-letter topic. The decisions that waited for the
 * event folded ({@link HeldDecisions}) are applied right after it, in the order they were read.
 */
class ContributionEventFolder implements Processor<String, ContributionEvent, Void, Void> {

  /** How soon after the task starts its index is checked for completeness. */
  static final Duration INDEX_CHECK = Duration.ofMillis(100);

  private static final Logger log = LoggerFactory.getLogger(ContributionEventFolder.class);

  private final ViewChanges changes;
  private IndexedContributions contributions;
  private KeyValueStore<String, IdempotentRequest> idempotency;
  private HeldDecisions held;

  ContributionEventFolder(ViewChanges changes) {
    this.changes = changes;
  }

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    contributions = IndexedContributions.of(context);
    idempotency = context.getStateStore(ContributionViewTopology.IDEMPOTENCY_STORE);
    held =
        new HeldDecisions(
            contributions, context.getStateStore(ContributionViewTopology.EARLY_DECISIONS_STORE));
    // Once the task runs (its stores restored): index what a version without the index folded.
    Cancellable[] once = new Cancellable[1];
    once[0] =
        context.schedule(
            INDEX_CHECK,
            PunctuationType.WALL_CLOCK_TIME,
            now -> {
              int added = contributions.completeIndex();
              if (added > 0) {
                log.info("Indexed {} contributions of task {}", added, context.taskId());
              }
              once[0].cancel();
            });
  }

  @Override
  public void process(Record<String, ContributionEvent> record) {
    ContributionEvent event = record.value();
    if (event == null) {
      return;
    }
    String id = event.getContributionId();
    if (!id.equals(record.key())) {
      throw new IllegalArgumentException(
          "event for contribution " + id + " carries key " + record.key());
    }
    Contribution.State stored = contributions.get(id);
    var meta = AvroMapping.meta(event);
    Contribution contribution;
    Object payload = event.getPayload();
    if (payload instanceof ContributionSubmitted submitted) {
      if (stored != null) {
        if (isRetriedSubmission(record, event, stored)) {
          return; // a client's retry whose first attempt had landed: the contribution exists
        }
        throw new IllegalStateException("contribution " + id + " was already submitted");
      }
      if (!meta.actor().agency().equals(event.getAgency())) {
        throw new IllegalStateException("a submission's actor must be its agency");
      }
      contribution =
          Contribution.submit(
              meta, id, event.getProcessId(), AvroMapping.toDomain(submitted.getContent()));
      IdempotentRequest request = requestOf(record, event);
      if (request != null) {
        idempotency.put(IdempotencyHeaders.storeKey(request.agency(), request.key()), request);
      }
    } else if (payload instanceof ContributionRevised revised) {
      contribution = existing(stored, id);
      contribution.revise(meta, AvroMapping.toDomain(revised.getContent()), revised.getNote());
    } else if (payload instanceof ContributionWithdrawn withdrawn) {
      contribution = existing(stored, id);
      contribution.withdraw(meta, withdrawn.getReason());
    } else {
      throw new IllegalArgumentException("unknown payload " + payload);
    }
    if (contribution.revision() != event.getRevision()) {
      throw new IllegalStateException(
          "event says revision "
              + event.getRevision()
              + " but the contribution is at revision "
              + contribution.revision());
    }
    contribution.pullChanges();
    held.release(contribution);
    contributions.put(stored, contribution.state());
    changes.changed(id, contribution.changes());
  }

  /**
   * A keyed submission's id is derived from its agency and key, so a retry that did not see its
   * first attempt in the view writes a second submitted event for the same id: that one repeats the
   * first and is dropped (the write path answers 422 if its body differed).
   */
  /** The keyed request a submitted event carries, or null if it was made without a key. */
  private static IdempotentRequest requestOf(
      Record<String, ContributionEvent> record, ContributionEvent event) {
    return IdempotencyHeaders.read(record.headers())
        .map(
            keyed ->
                new IdempotentRequest(
                    event.getAgency(), keyed.key(), keyed.fingerprint(), event.getContributionId()))
        .orElse(null);
  }

  private static boolean isRetriedSubmission(
      Record<String, ContributionEvent> record,
      ContributionEvent event,
      Contribution.State stored) {
    IdempotentRequest request = requestOf(record, event);
    return request != null
        && event.getAgency().equals(Contribution.restore(stored).agency())
        && event
            .getContributionId()
            .equals(IdempotentRequest.contributionIdFor(request.agency(), request.key()));
  }

  private static Contribution existing(Contribution.State stored, String id) {
    if (stored == null) {
      throw new IllegalStateException("no submitted contribution " + id);
    }
    return Contribution.restore(stored);
  }
}
