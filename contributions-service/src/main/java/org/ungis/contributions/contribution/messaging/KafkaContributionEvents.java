package org.ungis.contributions.contribution.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.ungis.contributions.ContributionsSettings;
import org.ungis.contributions.contribution.ContributionChange;
import org.ungis.contributions.contribution.ContributionEvents;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.schemas.Topics;
import org.ungis.streams.IdempotencyHeaders;

/**
 * Publishes contribution events to {@code Topics.CONTRIBUTIONS} (key = contribution id) and waits
 * for the broker's acknowledgement (the producer runs with acks=all and idempotence). Each
 * acknowledged write counts in {@code ungis.contributions.submitted|revised|withdrawn} (Prometheus:
 * {@code ungis_contributions_submitted_total{agency,process}} etc.).
 */
@Component
class KafkaContributionEvents implements ContributionEvents {

  private static final Logger log = LoggerFactory.getLogger(KafkaContributionEvents.class);

  private final KafkaTemplate<String, ContributionEvent> template;
  private final Duration timeout;
  private final MeterRegistry meters;

  KafkaContributionEvents(
      KafkaTemplate<String, ContributionEvent> template,
      ContributionsSettings settings,
      MeterRegistry meters) {
    this.template = template;
    this.timeout = settings.sendTimeout();
    this.meters = meters;
  }

  @Override
  public void publish(ContributionChange change, IdempotentRequest idempotency) {
    var record =
        new ProducerRecord<String, ContributionEvent>(
            Topics.CONTRIBUTIONS.name(), change.contributionId(), AvroMapping.toAvro(change));
    if (idempotency != null) {
      IdempotencyHeaders.write(record.headers(), idempotency.key(), idempotency.fingerprint());
    }
    try {
      template.send(record).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable(e);
    } catch (ExecutionException | TimeoutException | RuntimeException e) {
      throw unavailable(e);
    }
    count(change);
  }

  /** Counts a change the broker acknowledged. */
  private void count(ContributionChange change) {
    String name;
    if (change instanceof ContributionChange.Submitted) {
      name = "ungis.contributions.submitted";
    } else if (change instanceof ContributionChange.Revised) {
      name = "ungis.contributions.revised";
    } else {
      name = "ungis.contributions.withdrawn";
    }
    // No agency or call tags: who submitted to what is not for the metrics' readers.
    meters.counter(name).increment();
  }

  private static RefusedException unavailable(Exception e) {
    log.warn("Could not make a contribution event durable", e);
    return new RefusedException(
        Refusal.UNAVAILABLE, "The event store (Kafka) did not confirm the write; retry later");
  }
}
