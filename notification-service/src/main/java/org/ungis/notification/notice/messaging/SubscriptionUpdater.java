package org.ungis.notification.notice.messaging;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.events.notification.WebhookSubscriptionEvent;

/** Keeps the global {@code webhooks} store equal to the latest value of each registration. */
final class SubscriptionUpdater implements Processor<String, WebhookSubscriptionEvent, Void, Void> {

  private KeyValueStore<String, WebhookSubscriptionEvent> store;

  @Override
  public void init(ProcessorContext<Void, Void> context) {
    this.store = context.getStateStore(DeliveryProcessor.WEBHOOKS);
  }

  @Override
  public void process(Record<String, WebhookSubscriptionEvent> record) {
    if (record.value() == null) {
      store.delete(record.key());
    } else {
      store.put(record.key(), record.value());
    }
  }
}
