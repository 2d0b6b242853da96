package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.events.notification.Channel;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.SubscriptionChange;
import org.ungis.events.notification.WebhookSubscriptionEvent;

/**
 * Plans one webhook notification per workflow event and subscription that wants its type, reading
 * the registrations from the global {@code webhooks} store.
 */
final class WebhookPlanner<V> implements Processor<String, V, String, NotificationEvent> {

  private final Function<V, Optional<WebhookMessages.Message>> messages;
  private final Clock clock;

  private ProcessorContext<String, NotificationEvent> context;
  private KeyValueStore<String, WebhookSubscriptionEvent> subscriptions;

  WebhookPlanner(Function<V, Optional<WebhookMessages.Message>> messages, Clock clock) {
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, NotificationEvent> context) {
    this.context = context;
    this.subscriptions = context.getStateStore(DeliveryProcessor.WEBHOOKS);
  }

  @Override
  public void process(Record<String, V> record) {
    if (record.value() == null) {
      return;
    }
    Optional<WebhookMessages.Message> message = messages.apply(record.value());
    if (message.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    try (KeyValueIterator<String, WebhookSubscriptionEvent> all = subscriptions.all()) {
      while (all.hasNext()) {
        KeyValue<String, WebhookSubscriptionEvent> entry = all.next();
        WebhookSubscriptionEvent subscription = entry.value;
        if (subscription.getChange() == SubscriptionChange.REGISTERED
            && subscription.getEventTypes().contains(message.get().type())) {
          NotificationEvent planned = planned(message.get(), subscription, now);
          context.forward(new Record<>(planned.getNotificationId(), planned, now.toEpochMilli()));
        }
      }
    }
  }

  private static NotificationEvent planned(
      WebhookMessages.Message message, WebhookSubscriptionEvent subscription, Instant now) {
    return NotificationEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now)
        .setActor(NotificationRecords.SERVICE)
        .setNotificationId(
            NotificationRecords.idOf(
                message.eventId(), Channel.WEBHOOK, subscription.getSubscriptionId()))
        .setSourceEventId(message.eventId())
        .setKind(message.type())
        .setChannel(Channel.WEBHOOK)
        .setRecipient(subscription.getSubscriptionId())
        .setStatus(DeliveryStatus.PLANNED)
        .setPlannedAt(now)
        .setAttempts(0)
        .setLanguage("")
        .setSubject(message.type())
        .setText(message.body())
        .setHtml("")
        .setLink("")
        .build();
  }
}
