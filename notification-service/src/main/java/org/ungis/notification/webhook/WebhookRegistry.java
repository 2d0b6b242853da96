package org.ungis.notification.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.SubscriptionChange;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.schemas.Topics;

/**
 * Registrations are events on {@code ungis.webhooks.v1}; reads come from the topology's global
 * {@code webhooks} store and, for the delivery log, its {@code webhook-log} store.
 */
public class WebhookRegistry {

  static final String WEBHOOKS_STORE = "webhooks";
  static final String LOG_STORE = "webhook-log";

  private final KafkaTemplate<String, WebhookSubscriptionEvent> template;
  private final StreamsBuilderFactoryBean streams;

  public WebhookRegistry(
      KafkaTemplate<String, WebhookSubscriptionEvent> template, StreamsBuilderFactoryBean streams) {
    this.template = template;
    this.streams = streams;
  }

  /** A registration refused for its content. */
  public static final class InvalidRegistrationException extends RuntimeException {
    public InvalidRegistrationException(String message) {
      super(message);
    }
  }

  /** Registers an endpoint for some event types, owned by the acting principal. */
  public WebhookSubscriptionEvent register(
      String agency, String principal, String url, List<String> eventTypes) {
    URI uri = checkedUrl(url);
    if (eventTypes == null || eventTypes.isEmpty()) {
      throw new InvalidRegistrationException("eventTypes names at least one of " + EventTypes.ALL);
    }
    for (String type : eventTypes) {
      if (!EventTypes.ALL.contains(type)) {
        throw new InvalidRegistrationException(
            "unknown event type " + type + "; known: " + EventTypes.ALL);
      }
    }
    WebhookSubscriptionEvent event =
        WebhookSubscriptionEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOccurredAt(Instant.now())
            .setActor(new Actor(agency, principal, ActorRole.AGENCY))
            .setSubscriptionId("wh_" + UUID.randomUUID().toString().replace("-", ""))
            .setChange(SubscriptionChange.REGISTERED)
            .setUrl(uri.toString())
            .setSecret(WebhookSignature.newSecret())
            .setEventTypes(List.copyOf(Set.copyOf(eventTypes)).stream().sorted().toList())
            .build();
    publish(event);
    return event;
  }

  /** Removes a subscription of the principal; false if it has none of that id. */
  public boolean delete(String agency, String principal, String id) {
    Optional<WebhookSubscriptionEvent> owned = find(principal, id);
    if (owned.isEmpty()) {
      return false;
    }
    publish(
        WebhookSubscriptionEvent.newBuilder(owned.get())
            .setEventId(UUID.randomUUID())
            .setOccurredAt(Instant.now())
            .setActor(new Actor(agency, principal, ActorRole.AGENCY))
            .setChange(SubscriptionChange.DELETED)
            .build());
    return true;
  }

  /** The principal's registered subscriptions. */
  public List<WebhookSubscriptionEvent> list(String principal) {
    List<WebhookSubscriptionEvent> mine = new ArrayList<>();
    try (KeyValueIterator<String, WebhookSubscriptionEvent> all = subscriptions().all()) {
      all.forEachRemaining(
          e -> {
            if (e.value.getChange() == SubscriptionChange.REGISTERED
                && e.value.getActor().getPrincipal().equals(principal)) {
              mine.add(e.value);
            }
          });
    }
    return mine;
  }

  /** A registered subscription of the principal. */
  public Optional<WebhookSubscriptionEvent> find(String principal, String id) {
    return Optional.ofNullable(subscriptions().get(id))
        .filter(s -> s.getChange() == SubscriptionChange.REGISTERED)
        .filter(s -> s.getActor().getPrincipal().equals(principal));
  }

  /** The latest step of every delivery to a subscription. */
  public List<NotificationEvent> deliveries(String id) {
    KafkaStreams kafkaStreams = running();
    ReadOnlyKeyValueStore<String, NotificationEvent> log =
        kafkaStreams.store(
            StoreQueryParameters.fromNameAndType(
                LOG_STORE, QueryableStoreTypes.<String, NotificationEvent>keyValueStore()));
    List<NotificationEvent> steps = new ArrayList<>();
    try (KeyValueIterator<String, NotificationEvent> all =
        log.prefixScan(id + "|", new StringSerializer())) {
      all.forEachRemaining(e -> steps.add(e.value));
    }
    steps.sort((a, b) -> a.getPlannedAt().compareTo(b.getPlannedAt()));
    return steps;
  }

  private ReadOnlyKeyValueStore<String, WebhookSubscriptionEvent> subscriptions() {
    return running()
        .store(
            StoreQueryParameters.fromNameAndType(
                WEBHOOKS_STORE,
                QueryableStoreTypes.<String, WebhookSubscriptionEvent>keyValueStore()));
  }

  private KafkaStreams running() {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      throw new IllegalStateException("the streams are not running yet");
    }
    return kafkaStreams;
  }

  private void publish(WebhookSubscriptionEvent event) {
    try {
      template
          .send(Topics.WEBHOOKS.name(), event.getSubscriptionId(), event)
          .get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot record the registration", e);
    }
  }

  /** An https URL, or http on a loopback address (development and tests). */
  static URI checkedUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url == null ? "" : url.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRegistrationException("url is not a URL: " + url);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost() == null ? "" : uri.getHost();
    boolean loopback = host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    if (!(scheme.equals("https") || (scheme.equals("http") && loopback)) || host.isEmpty()) {
      throw new InvalidRegistrationException(
          "url must be https (http only on a loopback address): " + url);
    }
    return uri;
  }
}
