package org.ungis.notification.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
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
import org.ungis.schemas.webhook.WebhookSignature;

/**
 * Registrations are events on {@code ungis.webhooks.v1}; reads come from the topology's global
 * {@code webhooks} store and, for the delivery log, its {@code webhook-log} store.
 */
public class WebhookRegistry {

  static final String WEBHOOKS_STORE = "webhooks";
  static final String LOG_STORE = "webhook-log";

  private final KafkaTemplate<String, WebhookSubscriptionEvent> template;
  private final StreamsBuilderFactoryBean streams;
  private final SecretCipher cipher;

  public WebhookRegistry(
      KafkaTemplate<String, WebhookSubscriptionEvent> template,
      StreamsBuilderFactoryBean streams,
      SecretCipher cipher) {
    this.template = template;
    this.streams = streams;
    this.cipher = cipher;
  }

  /** The registration with its secret in clear, for the answer to its registration. */
  private WebhookSubscriptionEvent revealed(WebhookSubscriptionEvent stored) {
    return WebhookSubscriptionEvent.newBuilder(stored)
        .setSecret(cipher.open(stored.getSubscriptionId(), stored.getSecret()))
        .build();
  }

  /** A registration refused for its content. */
  public static final class InvalidRegistrationException extends RuntimeException {
    public InvalidRegistrationException(String message) {
      super(message);
    }
  }

  /** An {@code Idempotency-Key} used before with another request, or whose registration is gone. */
  public static final class IdempotencyKeyReusedException extends RuntimeException {
    public IdempotencyKeyReusedException(String message) {
      super(message);
    }
  }

  /**
   * A registration and whether it is the answer to an earlier request with the same {@code
   * Idempotency-Key}.
   */
  public record Registration(WebhookSubscriptionEvent subscription, boolean replayed) {}

  private final ConcurrentHashMap<String, Object> keyLocks = new ConcurrentHashMap<>();

  /** Registers an endpoint for some event types, owned by the acting principal. */
  public WebhookSubscriptionEvent register(
      String agency, String principal, String url, List<String> eventTypes) {
    return register(agency, principal, url, eventTypes, null).subscription();
  }

  /**
   * Registers an endpoint; with an {@code Idempotency-Key}, a retry of the same request (same
   * principal, key, URL and event types) gets the same registration, secret included, and a
   * different request with that key is refused. The subscription's id is derived from the principal
   * and the key, so the answer survives a restart (it is read back from {@code ungis.webhooks.v1}).
   */
  public Registration register(
      String agency, String principal, String url, List<String> eventTypes, String key) {
    if (key == null) {
      return new Registration(
          revealed(registerAs(newId(), agency, principal, url, eventTypes)), false);
    }
    if (key.isBlank() || key.length() > 255) {
      throw new InvalidRegistrationException("an Idempotency-Key has 1 to 255 characters");
    }
    String id = idFor(principal, key);
    synchronized (keyLocks.computeIfAbsent(id, k -> new Object())) {
      WebhookSubscriptionEvent earlier = subscriptions().get(id);
      if (earlier != null) {
        if (earlier.getChange() != SubscriptionChange.REGISTERED) {
          throw new IdempotencyKeyReusedException(
              "the webhook registered with this Idempotency-Key was deleted; use a new key");
        }
        if (!earlier.getUrl().equals(checkedUrl(url).toString())
            || !earlier.getEventTypes().equals(sortedTypes(eventTypes))) {
          throw new IdempotencyKeyReusedException(
              "this Idempotency-Key was used with a different request");
        }
        return new Registration(revealed(earlier), true);
      }
      WebhookSubscriptionEvent created = registerAs(id, agency, principal, url, eventTypes);
      awaitVisible(id);
      return new Registration(revealed(created), false);
    }
  }

  /** The id of the registration a principal makes with an Idempotency-Key. */
  static String idFor(String principal, String key) {
    UUID uuid = UUID.nameUUIDFromBytes((principal + "\n" + key).getBytes(StandardCharsets.UTF_8));
    return "wh_" + uuid.toString().replace("-", "");
  }

  private static String newId() {
    return "wh_" + UUID.randomUUID().toString().replace("-", "");
  }

  private static List<String> sortedTypes(List<String> eventTypes) {
    return eventTypes == null
        ? List.of()
        : List.copyOf(Set.copyOf(eventTypes)).stream().sorted().toList();
  }

  /** A retry right after the first answer must find the registration in the store. */
  private void awaitVisible(String id) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (subscriptions().get(id) == null) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the registration is not readable yet; retry with the same key");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private WebhookSubscriptionEvent registerAs(
      String id, String agency, String principal, String url, List<String> eventTypes) {
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
            .setSubscriptionId(id)
            .setChange(SubscriptionChange.REGISTERED)
            .setUrl(uri.toString())
            .setSecret(cipher.seal(id, WebhookSignature.newSecret()))
            .setEventTypes(sortedTypes(eventTypes))
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
