package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.events.notification.Channel;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.SubscriptionChange;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.notification.notice.Courier;
import org.ungis.notification.webhook.WebhookSender;

/**
 * Delivers each planned notification once: a notification whose id is in the {@code delivered}
 * store is never attempted again; one being attempted or waiting for its next attempt is in the
 * {@code pending} store. Attempts run asynchronously (the HTTP client's threads for a webhook, the
 * courier's sender thread for an e-mail), and their outcomes are taken up on the stream thread at
 * the next record or tick, so a slow endpoint never holds back another. A failed delivery is
 * retried with exponential backoff until its retry period ends, then it is dead-lettered. Every
 * step goes to {@code ungis.notifications.v1}, the delivery log; a webhook's steps also to the
 * {@code webhook-log} store its integrator reads. The stores' changelogs and the input offsets
 * commit in one transaction (exactly_once_v2), so a restart, a rebalance or a kill repeats only the
 * attempts whose outcome was not yet committed: the receiver may see such a notification twice,
 * with the same id, never after a committed "sent" mark.
 */
final class DeliveryProcessor
    implements Processor<String, NotificationEvent, String, NotificationEvent> {

  static final String DELIVERED = "delivered";
  static final String PENDING = "pending";
  static final String WEBHOOK_LOG = "webhook-log";
  static final String WEBHOOKS = "webhooks";

  private static final Logger log = LoggerFactory.getLogger(DeliveryProcessor.class);

  /** How an attempt ended. */
  private record Outcome(NotificationEvent event, Throwable error, boolean gone) {}

  private final Courier courier;
  private final WebhookSender webhooks;
  private final Backoff backoff;
  private final Duration tick;
  private final Duration attemptTimeout;
  private final Clock clock;
  private final DeliveryGate gate;
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final Set<String> inFlight = new HashSet<>();

  private ProcessorContext<String, NotificationEvent> context;
  private KeyValueStore<String, Long> delivered;
  private KeyValueStore<String, NotificationEvent> pending;
  private KeyValueStore<String, NotificationEvent> webhookLog;
  private KeyValueStore<String, WebhookSubscriptionEvent> subscriptions;

  DeliveryProcessor(
      Courier courier,
      WebhookSender webhooks,
      Backoff backoff,
      Duration tick,
      Duration attemptTimeout,
      Clock clock,
      DeliveryGate gate) {
    this.gate = gate;
    this.courier = courier;
    this.webhooks = webhooks;
    this.backoff = backoff;
    this.tick = tick;
    this.attemptTimeout = attemptTimeout;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, NotificationEvent> context) {
    this.context = context;
    this.delivered = context.getStateStore(DELIVERED);
    this.pending = context.getStateStore(PENDING);
    this.webhookLog = context.getStateStore(WEBHOOK_LOG);
    this.subscriptions = context.getStateStore(WEBHOOKS);
    context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, t -> tick());
  }

  @Override
  public void process(Record<String, NotificationEvent> record) {
    NotificationEvent event = record.value();
    if (event != null && event.getStatus() == DeliveryStatus.PLANNED) {
      String id = event.getNotificationId();
      if (delivered.get(id) == null && pending.get(id) == null) {
        attempt(event);
      } else {
        log.debug("notification {} already delivered or scheduled; not sent again", id);
      }
    } // the later steps are this processor's own output
    takeOutcomes();
  }

  private void tick() {
    takeOutcomes();
    Instant now = clock.instant();
    List<NotificationEvent> due = new ArrayList<>();
    try (KeyValueIterator<String, NotificationEvent> all = pending.all()) {
      while (all.hasNext()) {
        KeyValue<String, NotificationEvent> entry = all.next();
        Instant next = entry.value.getNextAttemptAt();
        if (!inFlight.contains(entry.key) && (next == null || !next.isAfter(now))) {
          due.add(entry.value);
        }
      }
    }
    due.forEach(this::attempt);
    takeOutcomes();
  }

  /**
   * Starts one attempt. The notification stays in {@code pending} meanwhile, due again after the
   * attempt's timeout: if the process dies before the outcome commits, the restart tries again.
   */
  private void attempt(NotificationEvent event) {
    String id = event.getNotificationId();
    if (!gate.open()) { // stopping: the next start attempts it
      pending.put(
          id, NotificationEvent.newBuilder(event).setNextAttemptAt(clock.instant()).build());
      return;
    }
    gate.started();
    inFlight.add(id);
    NotificationEvent waiting =
        NotificationEvent.newBuilder(event)
            .setNextAttemptAt(clock.instant().plus(attemptTimeout))
            .build();
    pending.put(id, waiting);
    CompletionStage<Void> attempt;
    if (event.getChannel() == Channel.WEBHOOK) {
      WebhookSubscriptionEvent subscription = subscriptions.get(event.getRecipient());
      if (subscription == null || subscription.getChange() == SubscriptionChange.DELETED) {
        outcomes.add(new Outcome(event, null, true));
        return;
      }
      attempt =
          webhooks.post(
              subscription.getSubscriptionId(),
              subscription.getUrl(),
              subscription.getSecret(),
              event.getSourceEventId(),
              event.getText());
    } else {
      attempt = courier.deliver(event.getRecipient(), id, NotificationRecords.letterOf(event));
    }
    CompletableFuture<Void> future;
    try {
      future = attempt.toCompletableFuture();
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete((ok, error) -> outcomes.add(new Outcome(event, error, false)));
  }

  /**
   * The task leaves this instance (a rebalance, a dirty close): the attempts it still waits for are
   * abandoned, not settled (their notifications stay in {@code pending}, due again wherever the
   * task goes), and a stop no longer waits for them.
   */
  @Override
  public void close() {
    inFlight.forEach(id -> gate.settled());
    inFlight.clear();
  }

  /** Takes up the outcomes of finished attempts, on the stream thread. */
  private void takeOutcomes() {
    Outcome outcome;
    while ((outcome = outcomes.poll()) != null) {
      NotificationEvent event = outcome.event();
      String id = event.getNotificationId();
      inFlight.remove(id);
      settle(outcome);
    }
  }

  private void settle(Outcome outcome) {
    try {
      take(outcome);
    } finally {
      gate.settled();
    }
  }

  private void take(Outcome outcome) {
    NotificationEvent event = outcome.event();
    String id = event.getNotificationId();
    int attempts = event.getAttempts() + 1;
    Instant now = clock.instant();
    if (outcome.gone()) {
      finish(
          id,
          NotificationRecords.step(
              event,
              DeliveryStatus.DEAD_LETTERED,
              now,
              event.getAttempts(),
              null,
              "the webhook subscription was removed"));
    } else if (outcome.error() == null) {
      finish(id, NotificationRecords.step(event, DeliveryStatus.SENT, now, attempts, null, null));
    } else {
      Throwable error =
          outcome.error() instanceof CompletionException && outcome.error().getCause() != null
              ? outcome.error().getCause()
              : outcome.error();
      Instant next = backoff.next(event.getPlannedAt(), attempts, now);
      if (next == null) {
        log.error("notification {} failed for its whole retry period; dead-lettered", id, error);
        finish(
            id,
            NotificationRecords.step(
                event, DeliveryStatus.DEAD_LETTERED, now, attempts, null, error.getMessage()));
      } else {
        log.warn(
            "notification {} failed (attempt {}); next at {}: {}",
            id,
            attempts,
            next,
            error.getMessage());
        NotificationEvent retrying =
            NotificationRecords.step(
                event, DeliveryStatus.RETRYING, now, attempts, next, error.getMessage());
        pending.put(id, retrying);
        emit(retrying);
      }
    }
  }

  private void finish(String id, NotificationEvent step) {
    delivered.put(id, step.getOccurredAt().toEpochMilli());
    pending.delete(id);
    emit(step);
  }

  private void emit(NotificationEvent step) {
    if (step.getChannel() == Channel.WEBHOOK) {
      webhookLog.put(step.getRecipient() + "|" + step.getNotificationId(), step);
    }
    context.forward(
        new Record<>(step.getNotificationId(), step, step.getOccurredAt().toEpochMilli()));
  }
}
