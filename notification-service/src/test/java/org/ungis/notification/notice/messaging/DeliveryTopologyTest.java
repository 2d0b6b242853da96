package org.ungis.notification.notice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.notification.notice.Courier;
import org.ungis.notification.notice.Letter;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.webhook.WebhookSender;
import org.ungis.reference.People;
import org.ungis.reference.Roster;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.schemas.Topics;

/** The topology with a carrier that is down, then up: retries, backoff, dead letter, once. */
class DeliveryTopologyTest {

  static final String SCOPE = "delivery-topology-test";
  static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  /** A clock the test moves together with the driver's wall clock. */
  static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** A carrier that refuses while down and records what it accepted. */
  static final class Carrier implements Courier {
    boolean up;
    int attempts;
    final List<String> accepted = new ArrayList<>();

    @Override
    public CompletionStage<Void> deliver(String recipient, String messageId, Letter letter) {
      attempts++;
      if (!up) {
        return CompletableFuture.failedFuture(
            new DeliveryFailedException("421 service not available", null));
      }
      accepted.add(messageId);
      return CompletableFuture.completedFuture(null);
    }
  }

  TestClock clock = new TestClock();
  Carrier carrier = new Carrier();
  TopologyTestDriver driver;
  TestInputTopic<String, ReviewEvent> reviews;
  TestInputTopic<String, NotificationEvent> notificationsIn;
  TestOutputTopic<String, NotificationEvent> log;

  @BeforeEach
  void start() {
    Map<String, Object> serde = Map.of("schema.registry.url", MockSchemaRegistry.urlOf(SCOPE));
    NotificationTopology.EventSerdes serdes = NotificationTopology.EventSerdes.from(serde);
    StreamsBuilder builder = new StreamsBuilder();
    Roster roster = Roster.load();
    NotificationTopology.build(
        builder,
        serdes,
        new Recipients(People.load(roster), roster),
        new Letters(URI.create("http://localhost:8080")),
        carrier,
        new WebhookSender(Duration.ofSeconds(5)),
        new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24)),
        new NotificationTopology.Schedule(
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1)),
        clock);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "delivery-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, T0);
    reviews =
        driver.createInputTopic(
            Topics.REVIEWS.name(), new StringSerializer(), serdes.reviews().serializer());
    notificationsIn =
        driver.createInputTopic(
            Topics.NOTIFICATIONS.name(),
            new StringSerializer(),
            serdes.notifications().serializer());
    log =
        driver.createOutputTopic(
            Topics.NOTIFICATIONS.name(),
            new StringDeserializer(),
            serdes.notifications().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
    MockSchemaRegistry.dropScope(SCOPE);
  }

  void advance(Duration duration) {
    clock.now = clock.now.plus(duration);
    driver.advanceWallClockTime(duration);
  }

  static ReviewEvent changesRequested() {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.parse("2023-03-01T10:00:00Z"))
        .setActor(new Actor("UNDP", "maria.gonzalez@undp.org", ActorRole.CHAIR))
        .setContributionId("c-1")
        .setProcessId("gdc-2023")
        .setAgency("ITU")
        .setRevision(1)
        .setPayload(
            new DecisionRecorded(
                Decision.CHANGES_REQUESTED, "Shorter, please", Decision.CHANGES_REQUESTED))
        .build();
  }

  List<DeliveryStatus> statuses() {
    return log.readValuesToList().stream().map(NotificationEvent::getStatus).toList();
  }

  @Test
  void aFailedDeliveryIsRetriedWithBackoffAndSentOnceWhenTheCarrierRecovers() {
    reviews.pipeInput("c-1", changesRequested());
    assertThat(statuses()).containsExactly(DeliveryStatus.PLANNED, DeliveryStatus.RETRYING);

    advance(Duration.ofSeconds(29));
    assertThat(carrier.attempts).as("not before the first wait").isEqualTo(1);
    advance(Duration.ofSeconds(2));
    assertThat(carrier.attempts).isEqualTo(2);
    List<NotificationEvent> second = log.readValuesToList();
    assertThat(second)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getStatus()).isEqualTo(DeliveryStatus.RETRYING);
              assertThat(e.getNextAttemptAt()).isEqualTo(clock.now.plusSeconds(60));
            });

    carrier.up = true;
    advance(Duration.ofSeconds(61));
    assertThat(statuses()).containsExactly(DeliveryStatus.SENT);
    assertThat(carrier.accepted).containsExactly(second.get(0).getNotificationId());

    advance(Duration.ofHours(2));
    assertThat(carrier.attempts).as("nothing after it was sent").isEqualTo(3);
  }

  @Test
  void theSamePlannedNotificationTwiceIsSentOnce() {
    carrier.up = true;
    reviews.pipeInput("c-1", changesRequested());
    List<NotificationEvent> steps = log.readValuesToList();
    NotificationEvent planned = steps.get(0);
    assertThat(planned.getStatus()).isEqualTo(DeliveryStatus.PLANNED);
    assertThat(planned.getRecipient()).isEqualTo("lea.moreau@itu.int");
    assertThat(planned.getLanguage()).isEqualTo("fr");

    notificationsIn.pipeInput(planned.getNotificationId(), planned);
    advance(Duration.ofMinutes(5));

    assertThat(carrier.accepted).containsExactly(planned.getNotificationId());
  }

  @Test
  void aDeliveryThatFailsForTheWholeRetryPeriodIsDeadLettered() {
    reviews.pipeInput("c-1", changesRequested());
    for (int minute = 0; minute < 25 * 60; minute += 10) {
      advance(Duration.ofMinutes(10));
    }
    List<DeliveryStatus> all = statuses();
    assertThat(all.get(all.size() - 1)).isEqualTo(DeliveryStatus.DEAD_LETTERED);
    assertThat(all).filteredOn(s -> s == DeliveryStatus.DEAD_LETTERED).hasSize(1);
    int attempts = carrier.attempts;
    advance(Duration.ofHours(5));
    assertThat(carrier.attempts).as("no attempt after the dead letter").isEqualTo(attempts);
    // 30 s, 1, 2, 4, 8, 16, 32, 60 min, then hourly to 24 h: about thirty attempts, not hundreds
    assertThat(attempts).isBetween(20, 40);
  }
}
