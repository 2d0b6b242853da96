package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.notification.notice.CallWatch;
import org.ungis.notification.notice.Courier;
import org.ungis.notification.notice.Digest;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Notice;
import org.ungis.notification.notice.Planner;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.notice.RecordWatch;
import org.ungis.notification.webhook.WebhookSender;
import org.ungis.schemas.Topics;
import org.ungis.streams.JsonSerde;

/**
 * The service's one topology. Planning: the workflow topics become planned notifications on {@code
 * ungis.notifications.v1} (one per event and recipient, under a stable id). Delivery: each planned
 * notification is delivered once and every step is logged on the same topic.
 */
final class NotificationTopology {

  private NotificationTopology() {}

  /**
   * The serdes of the topics.
   *
   * @param contributions values of {@link Topics#CONTRIBUTIONS}
   * @param reviews values of {@link Topics#REVIEWS}
   * @param processes values of {@link Topics#PROCESSES}
   * @param records values of {@link Topics#RECORDS}
   * @param notifications values of {@link Topics#NOTIFICATIONS}
   * @param webhooks values of {@link Topics#WEBHOOKS}
   */
  record EventSerdes(
      Serde<ContributionEvent> contributions,
      Serde<ReviewEvent> reviews,
      Serde<CallForInputsEvent> processes,
      Serde<RecordEvent> records,
      Serde<NotificationEvent> notifications,
      Serde<WebhookSubscriptionEvent> webhooks) {

    static EventSerdes from(Map<String, ?> serdeConfig) {
      return new EventSerdes(
          Topics.CONTRIBUTIONS.valueSerde(serdeConfig),
          Topics.REVIEWS.valueSerde(serdeConfig),
          Topics.PROCESSES.valueSerde(serdeConfig),
          Topics.RECORDS.valueSerde(serdeConfig),
          Topics.NOTIFICATIONS.valueSerde(serdeConfig),
          Topics.WEBHOOKS.valueSerde(serdeConfig));
    }
  }

  /**
   * How often things happen on the wall clock.
   *
   * @param retryTick how often due retries are attempted and finished attempts taken up
   * @param attemptTimeout after how long an attempt without an outcome is due again
   * @param reminderCheck how often deadlines are checked
   */
  record Schedule(Duration retryTick, Duration attemptTimeout, Duration reminderCheck) {}

  static void build(
      StreamsBuilder builder,
      EventSerdes serdes,
      Recipients recipients,
      Letters letters,
      Courier courier,
      WebhookSender webhooks,
      Backoff backoff,
      Schedule schedule,
      Clock clock) {
    build(
        builder,
        serdes,
        recipients,
        letters,
        courier,
        webhooks,
        backoff,
        schedule,
        clock,
        new DeliveryGate());
  }

  static void build(
      StreamsBuilder builder,
      EventSerdes serdes,
      Recipients recipients,
      Letters letters,
      Courier courier,
      WebhookSender webhooks,
      Backoff backoff,
      Schedule schedule,
      Clock clock,
      DeliveryGate gate) {
    Serde<String> keys = Serdes.String();
    Planner planner = new Planner(recipients);
    builder.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(DeliveryProcessor.WEBHOOKS), keys, serdes.webhooks())
            .withLoggingDisabled(),
        Topics.WEBHOOKS.name(),
        Consumed.with(keys, serdes.webhooks()).withName("webhooks-in"),
        () -> new SubscriptionUpdater());

    KStream<String, ContributionEvent> contributions =
        builder.stream(
            Topics.CONTRIBUTIONS.name(),
            Consumed.with(keys, serdes.contributions()).withName("contributions-in"));
    contributions
        .flatMap(
            (key, event) ->
                planned(
                    awaitingReview(planner, event).stream()
                        .filter(n -> !Digest.deferred(n))
                        .toList(),
                    letters,
                    clock),
            org.apache.kafka.streams.kstream.Named.as("awaiting-review"))
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "awaiting-review-out"));
    // the reviewers who chose the daily digest: their items, by recipient, to the digest's store
    JsonSerde<DigestItem> digestItems = new JsonSerde<>(DigestItem.class);
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DigestProcessor.STORE), keys, digestItems));
    contributions
        .flatMap(
            (key, event) ->
                awaitingReview(planner, event).stream()
                    .filter(Digest::deferred)
                    .map(
                        n ->
                            KeyValue.pair(
                                n.recipient().email(),
                                DigestItem.of(
                                    n,
                                    java.time.LocalDate.ofInstant(
                                        event.getOccurredAt(), java.time.ZoneOffset.UTC))))
                    .toList(),
            org.apache.kafka.streams.kstream.Named.as("awaiting-digest"))
        .repartition(
            org.apache.kafka.streams.kstream.Repartitioned.with(keys, digestItems)
                .withName("digest-items"))
        .process(
            () -> new DigestProcessor(recipients, letters, schedule.reminderCheck(), clock),
            org.apache.kafka.streams.kstream.Named.as("daily-digest"),
            DigestProcessor.STORE)
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "daily-digest-out"));
    contributions
        .process(
            () -> new WebhookPlanner<ContributionEvent>(WebhookMessages::of, clock),
            org.apache.kafka.streams.kstream.Named.as("contribution-webhooks"))
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "contribution-webhooks-out"));

    KStream<String, ReviewEvent> reviews =
        builder.stream(
            Topics.REVIEWS.name(), Consumed.with(keys, serdes.reviews()).withName("reviews-in"));
    reviews
        .process(
            () -> new WebhookPlanner<ReviewEvent>(WebhookMessages::of, clock),
            org.apache.kafka.streams.kstream.Named.as("review-webhooks"))
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "review-webhooks-out"));
    reviews
        .flatMap(
            (key, event) -> planned(reviewed(planner, event), letters, clock),
            org.apache.kafka.streams.kstream.Named.as("reviewed"))
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "reviewed-out"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(CallWatchProcessor.CALLS),
            keys,
            new JsonSerde<>(CallWatch.class)));
    KStream<String, CallInput> inputsByCall =
        contributions
            .map(
                (key, event) -> KeyValue.pair(event.getProcessId(), inputOf(event)),
                org.apache.kafka.streams.kstream.Named.as("inputs-by-call"))
            .repartition(
                Repartitioned.<String, CallInput>with(keys, new JsonSerde<>(CallInput.class))
                    .withName("inputs-by-call")
                    .withNumberOfPartitions(Topics.PROCESSES.partitions()));
    KStream<String, CallForInputsEvent> processes =
        builder.stream(
            Topics.PROCESSES.name(),
            Consumed.with(keys, serdes.processes()).withName("processes-in"));
    processes
        .process(
            () -> new WebhookPlanner<CallForInputsEvent>(WebhookMessages::of, clock),
            org.apache.kafka.streams.kstream.Named.as("call-webhooks"))
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "call-webhooks-out"));
    processes
        .mapValues(NotificationTopology::inputOf)
        .merge(inputsByCall)
        .process(
            () -> new CallWatchProcessor(recipients, letters, schedule.reminderCheck(), clock),
            CallWatchProcessor.CALLS)
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "call-watch-out"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(RecordWatchProcessor.RECORDS),
            keys,
            new JsonSerde<>(RecordWatch.class)));
    KStream<String, RecordEvent> records =
        builder.stream(
            Topics.RECORDS.name(), Consumed.with(keys, serdes.records()).withName("records-in"));
    records
        .process(
            () -> new WebhookPlanner<RecordEvent>(WebhookMessages::of, clock),
            org.apache.kafka.streams.kstream.Named.as("record-webhooks"))
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "record-webhooks-out"));
    records
        .process(
            () -> new RecordWatchProcessor(recipients, letters, clock),
            RecordWatchProcessor.RECORDS)
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "record-watch-out"));

    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DeliveryProcessor.DELIVERED), keys, Serdes.Long()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DeliveryProcessor.PENDING),
            keys,
            serdes.notifications()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(DeliveryProcessor.WEBHOOK_LOG),
            keys,
            serdes.notifications()));
    builder.stream(
            Topics.NOTIFICATIONS.name(),
            Consumed.with(keys, serdes.notifications()).withName("notifications-in"))
        .process(
            () ->
                new DeliveryProcessor(
                    courier,
                    webhooks,
                    backoff,
                    schedule.retryTick(),
                    schedule.attemptTimeout(),
                    clock,
                    gate),
            DeliveryProcessor.DELIVERED,
            DeliveryProcessor.PENDING,
            DeliveryProcessor.WEBHOOK_LOG)
        .to(Topics.NOTIFICATIONS.name(), toLog(serdes, "delivery-out"));
  }

  private static Produced<String, NotificationEvent> toLog(EventSerdes serdes, String name) {
    return Produced.with(Serdes.String(), serdes.notifications()).withName(name);
  }

  private static List<Notice> awaitingReview(Planner planner, ContributionEvent event) {
    Object payload = event.getPayload();
    String title;
    if (payload instanceof ContributionSubmitted submitted) {
      title = submitted.getContent().getTitle();
    } else if (payload instanceof ContributionRevised revised) {
      title = revised.getContent().getTitle();
    } else {
      return List.of();
    }
    return planner.awaitingReview(
        event.getEventId().toString(),
        event.getOccurredAt(),
        event.getProcessId(),
        event.getContributionId(),
        event.getAgency(),
        title,
        event.getRevision());
  }

  private static List<Notice> reviewed(Planner planner, ReviewEvent event) {
    if (!(event.getPayload() instanceof DecisionRecorded decision)
        || decision.getOutcome() == null) {
      return List.of(); // a refused decision, or an approval short of the quorum
    }
    return planner.reviewed(
        event.getEventId().toString(),
        event.getProcessId(),
        event.getContributionId(),
        event.getAgency(),
        decision.getOutcome().name(),
        decision.getComment(),
        event.getRevision());
  }

  private static CallInput inputOf(ContributionEvent event) {
    return new CallInput(
        event.getEventId().toString(),
        null,
        false,
        event.getContributionId(),
        event.getAgency(),
        event.getPayload() instanceof ContributionWithdrawn);
  }

  private static CallInput inputOf(CallForInputsEvent event) {
    CallWatch.Call call =
        new CallWatch.Call(
            event.getProcessId(),
            event.getTitle(),
            event.getDeadline(),
            event.getStatus() == CallStatus.OPEN,
            event.getExtensions().stream()
                .collect(
                    Collectors.toMap(
                        DeadlineExtension::getAgency,
                        DeadlineExtension::getDeadline,
                        (a, b) -> b)));
    return new CallInput(
        event.getEventId().toString(),
        call,
        event.getChange() == CallChange.OPENED,
        null,
        null,
        false);
  }

  private static List<KeyValue<String, NotificationEvent>> planned(
      List<Notice> notices, Letters letters, Clock clock) {
    java.time.Instant now = clock.instant();
    return notices.stream()
        .map(n -> NotificationRecords.planned(n, letters, now))
        .map(e -> KeyValue.pair(e.getNotificationId(), e))
        .toList();
  }
}
