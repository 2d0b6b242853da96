package org.ungis.contributions.contribution.messaging;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;

/**
 * Folds reviewers' decisions into the contribution aggregate. Refused decisions ({@code
 * DecisionRefused}) are kept in the contribution's history and change nothing else; a refusal about
 * a contribution this view does not know is skipped (review-service keeps its own audit).
 */
class ReviewEventFolder implements Processor<String, ReviewEvent, Void, Void> {

  private static final Logger log = LoggerFactory.getLogger(ReviewEventFolder.class);

  private KeyValueStore<String, Contribution.State> contributions;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    contributions = context.getStateStore(ContributionViewTopology.CONTRIBUTIONS_STORE);
  }

  @Override
  public void process(Record<String, ReviewEvent> record) {
    ReviewEvent event = record.value();
    if (event == null) {
      return;
    }
    String id = event.getContributionId();
    Contribution.State stored = contributions.get(id);
    if (event.getPayload() instanceof DecisionRecorded decision) {
      if (stored == null) {
        throw new IllegalStateException("a decision on unknown contribution " + id);
      }
      Contribution contribution = Contribution.restore(stored);
      contribution.applyDecision(AvroMapping.toDomain(event, decision));
      contributions.put(id, contribution.state());
    } else if (event.getPayload() instanceof DecisionRefused refused) {
      if (stored == null) {
        log.info("Skipping a refused decision on unknown contribution {}", id);
        return;
      }
      Contribution contribution = Contribution.restore(stored);
      contribution.recordRefusedDecision(AvroMapping.toDomain(event, refused));
      contributions.put(id, contribution.state());
    }
  }
}
