package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.notification.notice.Courier;

/**
 * Delivers each planned notification once: a notification whose id is in the {@code delivered}
 * store is never attempted again; a failed one waits in the {@code pending} store for its next
 * attempt (exponential backoff) until its retry period ends, then it is dead-lettered. Every step
 * goes to {@code ungis.notifications.v1}, the delivery log. The stores' changelogs and the input
 * offsets commit in one transaction (exactly_once_v2), so a restart, a rebalance or a kill repeats
 * at most the attempts of the last uncommitted batch: the carrier may see a notification twice,
 * with the same Message-ID, never a third time, and never after a committed "sent" mark.
 */
final class DeliveryProcessor
    implements Processor<String, NotificationEvent, String, NotificationEvent> {

  static final String DELIVERED = "delivered";
  static final String PENDING = "pending";

  private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

  private final Courier courier;
  private final Backoff backoff;
  private final Duration tick;
  private final Duration budget;
  private final Clock clock;

  private ProcessorContext<String, NotificationEvent> context;
  private KeyValueStore<String, Long> delivered;
  private KeyValueStore<String, NotificationEvent> pending;

  DeliveryProcessor(Courier courier, Backoff backoff, Duration tick, Duration budget, Clock clock) {
    this.courier = courier;
    this.backoff = backoff;
    this.tick = tick;
    this.budget = budget;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, NotificationEvent> context) {
    this.context = context;
    this.delivered = context.getStateStore(DELIVERED);
    this.pending = context.getStateStore(PENDING);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, t -> retryDue());
  }

  @Override
  public void process(Record<String, NotificationEvent> record) {
    NotificationEvent event = record.value();
    if (event == null || event.getStatus() != DeliveryStatus.PLANNED) {
      return; // the later steps are this processor's own output
    }
    String id = event.getNotificationId();
    if (delivered.get(id) != null || pending.get(id) != null) {
      log.debug("notification {} already delivered or scheduled; not sent again", id);
      return;
    }
    attempt(event);
  }

  private void retryDue() {
    Instant now = clock.instant();
    Instant stop = now.plus(budget);
    List<NotificationEvent> due = new ArrayList<>();
    try (KeyValueIterator<String, NotificationEvent> all = pending.all()) {
      while (all.hasNext()) {
        KeyValue<String, NotificationEvent> entry = all.next();
        Instant next = entry.value.getNextAttemptAt();
        if (next == null || !next.isAfter(now)) {
          due.add(entry.value);
        }
      }
    }
    for (NotificationEvent event : due) {
      if (clock.instant().isAfter(stop)) {
        return; // the rest waits for the next tick, so a slow carrier never stalls the thread
      }
      attempt(event);
    }
  }

  private void attempt(NotificationEvent event) {
    String id = event.getNotificationId();
    int attempts = event.getAttempts() + 1;
    try {
      courier.deliver(event.getRecipient(), id, NotificationRecords.letterOf(event));
      Instant now = clock.instant();
      delivered.put(id, now.toEpochMilli());
      pending.delete(id);
      emit(NotificationRecords.step(event, DeliveryStatus.SENT, now, attempts, null, null));
    } catch (Courier.DeliveryFailedException e) {
      Instant now = clock.instant();
      Instant next = backoff.next(event.getPlannedAt(), attempts, now);
      if (next == null) {
        log.error("notification {} failed for its whole retry period; dead-lettered", id, e);
        delivered.put(id, now.toEpochMilli());
        pending.delete(id);
        emit(
            NotificationRecords.step(
                event, DeliveryStatus.DEAD_LETTERED, now, attempts, null, e.getMessage()));
      } else {
        log.warn("notification {} failed (attempt {}); next attempt at {}", id, attempts, next);
        NotificationEvent retrying =
            NotificationRecords.step(
                event, DeliveryStatus.RETRYING, now, attempts, next, e.getMessage());
        pending.put(id, retrying);
        emit(retrying);
      }
    }
  }

  private void emit(NotificationEvent step) {
    context.forward(
        new Record<>(step.getNotificationId(), step, step.getOccurredAt().toEpochMilli()));
  }
}
