package org.ungis.contributions.contribution.messaging;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;

/**
 * Folds reviewers' decisions into the contribution aggregate. Refused decisions ({@code
 * DecisionRefused}) are audit records of review-service and change nothing here.
 */
class ReviewEventFolder implements Processor<String, ReviewEvent, Void, Void> {

  private KeyValueStore<String, Contribution.State> contributions;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    contributions = context.getStateStore(ContributionViewTopology.CONTRIBUTIONS_STORE);
  }

  @Override
  public void process(Record<String, ReviewEvent> record) {
    ReviewEvent event = record.value();
    if (event == null || !(event.getPayload() instanceof DecisionRecorded decision)) {
      return;
    }
    String id = event.getContributionId();
    Contribution.State stored = contributions.get(id);
    if (stored == null) {
      throw new IllegalStateException("a decision on unknown contribution " + id);
    }
    Contribution contribution = Contribution.restore(stored);
    contribution.applyDecision(AvroMapping.toDomain(event, decision));
    contributions.put(id, contribution.state());
  }
}
