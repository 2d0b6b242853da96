package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.RefusedDecision;
import org.ungis.contributions.contribution.Review;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.schemas.Topics;
import org.ungis.streams.HeldRecord;
import org.ungis.streams.Sourced;

/**
 * Folds reviewers' decisions into the contribution aggregate. Refused decisions ({@code
 * DecisionRefused}) are kept in the contribution's history and change nothing else. A decision read
 * before the view has its contribution, or the revision it is about, waits in {@link HeldDecisions}
 * until {@link ContributionEventFolder} folds that event; one that still waits after {@code bound}
 * is dead-lettered with its original bytes (a refused one is dropped). The dead letter is this
 * processor's output, written by the topology's sink to the reviews topic's dead-letter topic in
 * the stream's transaction, together with the held decision's removal from the store: a crash
 * before the commit leaves both undone (the decision is dead-lettered once, by the next
 * punctuation). A decision keyed otherwise than by its contribution id is dead-lettered at once.
 */
class ReviewEventFolder implements Processor<String, Sourced<ReviewEvent>, byte[], byte[]> {

  /** How often held decisions are checked against the bound (wall clock). */
  static final Duration EXPIRY_CHECK = Duration.ofMinutes(1);

  private final Duration bound;
  private ProcessorContext<byte[], byte[]> context;
  private IndexedContributions contributions;
  private HeldDecisions held;

  ReviewEventFolder(Duration bound) {
    this.bound = bound;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    contributions = IndexedContributions.of(context);
    held =
        new HeldDecisions(
            contributions, context.getStateStore(ContributionViewTopology.EARLY_DECISIONS_STORE));
    context.schedule(
        EXPIRY_CHECK,
        PunctuationType.WALL_CLOCK_TIME,
        now ->
            held.expire(
                now - bound.toMillis(), (record, e) -> context.forward(record.deadLetter(e, now))));
  }

  @Override
  public void process(Record<String, Sourced<ReviewEvent>> record) {
    if (record.value() == null || record.value().value() == null) {
      return;
    }
    ReviewEvent event = record.value().value();
    String id = event.getContributionId();
    Review review = null;
    RefusedDecision refusal = null;
    if (event.getPayload() instanceof DecisionRecorded recorded) {
      review = AvroMapping.toDomain(event, recorded);
    } else if (event.getPayload() instanceof DecisionRefused refused) {
      refusal = AvroMapping.toDomain(event, refused);
    } else {
      return;
    }
    if (!id.equals(record.key())) {
      // Under another key the event is in another partition than its contribution, whose view this
      // task never holds: waiting for it would only delay the dead letter.
      throw new IllegalArgumentException(
          "record key " + record.key() + " does not match the event's contribution id " + id);
    }
    Contribution.State stored = contributions.get(id);
    Contribution contribution = stored == null ? null : Contribution.restore(stored);
    HeldDecisions.Held decision = held(record, review, refusal);
    if (held.mustWait(id, contribution, event.getRevision())) {
      held.hold(id, decision);
      return;
    }
    HeldDecisions.apply(contribution, decision);
    contributions.put(stored, contribution.state());
  }

  private HeldDecisions.Held held(
      Record<String, Sourced<ReviewEvent>> record, Review review, RefusedDecision refusal) {
    int revision = record.value().value().getRevision();
    return new HeldDecisions.Held(
        review,
        refusal,
        revision,
        context.currentSystemTimeMs(),
        HeldRecord.of(
            context,
            record,
            Topics.REVIEWS.keySerde().serializer().serialize(Topics.REVIEWS.name(), record.key()),
            record.value().bytes()));
  }
}
