package org.ungis.review.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.ReviewSettings;
import org.ungis.review.call.CallEvent;
import org.ungis.review.call.CallEvents;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.command.EventLogUnavailableException;
import org.ungis.review.command.IdempotentRequest;
import org.ungis.review.command.UnacknowledgedWriteException;
import org.ungis.review.command.Written;
import org.ungis.review.review.RefusedDecision;
import org.ungis.review.review.ReviewDecision;
import org.ungis.review.review.ReviewEvents;
import org.ungis.review.rules.Actor;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.streams.IdempotencyHeaders;

/**
 * Writes the review service's events: call snapshots to {@link Topics#PROCESSES} and decisions to
 * {@link Topics#REVIEWS}. A write returns only once the broker acknowledged it (idempotent
 * producer, {@code acks=all}); the returned {@link Written} lets the caller wait for its view.
 * Acknowledged writes are counted: {@code ungis.decisions{decision,outcome}}, {@code
 * ungis.decisions.refused{reason}} and {@code ungis.calls.opened} (Prometheus adds {@code _total}).
 */
@Component
public class EventPublisher implements CallEvents, ReviewEvents {

  private final KafkaTemplate<String, Object> template;
  private final ViewWatcher watcher;
  private final Duration sendTimeout;
  private final MeterRegistry meters;

  EventPublisher(
      KafkaTemplate<String, Object> template,
      ViewWatcher watcher,
      ReviewSettings settings,
      MeterRegistry meters) {
    this.template = template;
    this.watcher = watcher;
    this.sendTimeout = settings.sendTimeout();
    this.meters = meters;
  }

  /**
   * Writes a call's new snapshot.
   *
   * @param request the Idempotency-Key request, or {@code null}
   */
  @Override
  public Written call(
      CallForInputs call,
      CallEvent what,
      Actor actor,
      ReviewerRole role,
      Instant at,
      IdempotentRequest request) {
    UUID id = UUID.randomUUID();
    Written written =
        send(
            Topics.PROCESSES,
            call.id(),
            id,
            AvroMapping.toEvent(id, call, AvroMapping.change(what), actor, role, at),
            request);
    if (what == CallEvent.OPENED) {
      meters.counter("ungis.calls.opened").increment();
    }
    return written;
  }

  /**
   * Writes a recorded decision.
   *
   * @param request the Idempotency-Key request, or {@code null}
   */
  @Override
  public Written decision(ReviewDecision decision, IdempotentRequest request) {
    UUID id = UUID.randomUUID();
    Written written =
        send(
            Topics.REVIEWS,
            decision.contributionId(),
            id,
            AvroMapping.toEvent(id, decision),
            request);
    meters
        .counter(
            "ungis.decisions",
            "decision",
            decision.decision().name(),
            "outcome",
            decision.outcome() == null ? "none" : decision.outcome().name())
        .increment();
    return written;
  }

  /** Writes a refused decision, for the audit trail. */
  @Override
  public Written refusal(RefusedDecision refusal) {
    UUID id = UUID.randomUUID();
    Written written =
        send(Topics.REVIEWS, refusal.contributionId(), id, AvroMapping.toEvent(id, refusal), null);
    meters.counter("ungis.decisions.refused", "reason", refusal.reason()).increment();
    return written;
  }

  /**
   * Completes normally once a write whose acknowledgement did not come in time is known to be
   * written (acknowledged, or applied by the view), exceptionally once it is known not to be (a
   * failure other than a timeout), or presumed not to be (a timeout, and the view has not applied
   * it within twice the send timeout).
   */
  private CompletableFuture<Void> settled(
      String eventId, CompletableFuture<?> sent, CompletableFuture<Void> applied) {
    CompletableFuture<Void> settled = new CompletableFuture<>();
    applied.whenComplete(
        (done, refused) -> {
          if (refused == null) {
            settled.complete(null);
          }
        });
    sent.whenComplete(
        (result, failure) -> {
          if (failure == null) {
            settled.complete(null);
          } else if (!timedOut(failure)) {
            settled.completeExceptionally(failure);
          } else {
            CompletableFuture.delayedExecutor(sendTimeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .execute(() -> settled.completeExceptionally(failure));
          }
        });
    settled.whenComplete(
        (done, failure) -> {
          if (failure != null) {
            watcher.forget(eventId);
          }
        });
    return settled;
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TimeoutException
          || t instanceof org.apache.kafka.common.errors.TimeoutException) {
        return true;
      }
    }
    return false;
  }

  private <V extends SpecificRecord> Written send(
      Topic<V> topic, String key, UUID id, V event, IdempotentRequest request) {
    String eventId = id.toString();
    var applied = watcher.expect(eventId);
    try {
      ProducerRecord<String, Object> record = new ProducerRecord<>(topic.name(), key, event);
      if (request != null) {
        IdempotencyHeaders.write(record.headers(), request.key(), request.fingerprint());
      }
      var sent = template.send(record);
      try {
        sent.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        if (e instanceof ExecutionException failed && !timedOut(failed)) {
          throw failed;
        }
        // No acknowledgement in time: the record may still be written (the producer still holds
        // it, or the broker holds the request). Its fate is settled by its acknowledgement or by
        // the view applying it, else presumed unwritten after a grace period.
        throw new UnacknowledgedWriteException(
            "no acknowledgement from " + topic.name() + " within " + sendTimeout,
            e,
            new Written(eventId, applied),
            settled(eventId, sent, applied));
      }
      return new Written(eventId, applied);
    } catch (UnacknowledgedWriteException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      watcher.forget(eventId);
      throw new EventLogUnavailableException("interrupted while writing to " + topic.name(), e);
    } catch (ExecutionException | RuntimeException e) {
      watcher.forget(eventId);
      throw new EventLogUnavailableException("cannot write to " + topic.name() + ": " + e, e);
    }
  }
}
