package org.ungis.notification.notice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.webhook.WebhookSender;
import org.ungis.reference.People;
import org.ungis.reference.Person;
import org.ungis.reference.Roster;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.schemas.Topics;

/** A reviewer who chose the daily digest gets one e-mail a day; another reviewer, each at once. */
class DigestTopologyTest {

  static final String SCOPE = "digest-topology-test";
  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final Person DAILY =
      new Person(
          null,
          "Wei Zhang",
          "wei.zhang@itu.int",
          "ITU",
          Person.Role.REVIEWER,
          "en",
          Person.AwaitingReview.DAILY_DIGEST);
  static final Person AT_ONCE =
      new Person(
          null, "Maria Gonzalez", "maria.gonzalez@undp.org", "UNDP", Person.Role.REVIEWER, "es");

  DeliveryTopologyTest.TestClock clock = new DeliveryTopologyTest.TestClock();
  DeliveryTopologyTest.Carrier carrier = new DeliveryTopologyTest.Carrier();
  TopologyTestDriver driver;
  TestInputTopic<String, ContributionEvent> contributions;
  TestOutputTopic<String, NotificationEvent> log;

  @BeforeEach
  void start() {
    clock.now = T0.plusSeconds(3600);
    carrier.up = true;
    Map<String, Object> serde = Map.of("schema.registry.url", MockSchemaRegistry.urlOf(SCOPE));
    NotificationTopology.EventSerdes serdes = NotificationTopology.EventSerdes.from(serde);
    StreamsBuilder builder = new StreamsBuilder();
    Roster roster = Roster.load();
    NotificationTopology.build(
        builder,
        serdes,
        new Recipients(new People(List.of(DAILY, AT_ONCE), roster), roster),
        new Letters(URI.create("http://localhost:8080")),
        carrier,
        new WebhookSender(Duration.ofSeconds(5)),
        new Backoff(Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofHours(24)),
        new NotificationTopology.Schedule(
            Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1)),
        clock);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, SCOPE);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(builder.build(), props, clock.now);
    contributions =
        driver.createInputTopic(
            Topics.CONTRIBUTIONS.name(),
            new StringSerializer(),
            serdes.contributions().serializer());
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

  List<NotificationEvent> planned() {
    return log.readValuesToList().stream()
        .filter(e -> e.getStatus() == DeliveryStatus.PLANNED)
        .toList();
  }

  @Test
  void theDaysInputsReachADigestReaderInOneEmailAfterMidnightAndTheOtherReviewerAtOnce() {
    contributions.pipeInput("c-1", event("c-1", "ITU", 1, "Connectivity for all", T0));
    contributions.pipeInput("c-2", event("c-2", "UNESCO", 1, "Open science", T0.plusSeconds(1800)));
    contributions.pipeInput(
        "c-1", event("c-1", "ITU", 2, "Connectivity for all", T0.plusSeconds(3600)));

    assertThat(planned())
        .as("at once: only the reviewer who did not choose the digest")
        .extracting(NotificationEvent::getRecipient)
        .containsOnly("maria.gonzalez@undp.org")
        .hasSize(3);

    advance(Duration.ofHours(6));
    assertThat(planned()).as("the day has not ended").isEmpty();

    advance(Duration.ofHours(9)); // 2023-03-02T01:00Z
    List<NotificationEvent> digest = planned();
    assertThat(digest)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getRecipient()).isEqualTo("wei.zhang@itu.int");
              assertThat(d.getKind()).isEqualTo("DAILY_DIGEST");
              assertThat(d.getNotificationId()).startsWith("digest/2023-03-01/");
              assertThat(d.getSubject())
                  .isEqualTo("[UNGIS] Daily digest 2023-03-01: 3 inputs await your review");
              assertThat(d.getText())
                  .contains("New input from ITU awaits your review: Connectivity for all")
                  .contains("New input from UNESCO awaits your review: Open science")
                  .contains("Revision 2 from ITU awaits your review: Connectivity for all")
                  .contains("http://localhost:8080/contributions/c-2");
              assertThat(d.getHtml()).contains("<li>");
            });
    assertThat(carrier.accepted).contains(digest.get(0).getNotificationId());

    advance(Duration.ofDays(2));
    assertThat(planned()).as("each day once").isEmpty();
    assertThat(carrier.accepted).filteredOn(id -> id.startsWith("digest/")).hasSize(1);
  }

  static ContributionEvent event(String id, String agency, int revision, String title, Instant at) {
    ContributionContent content =
        ContributionContent.newBuilder()
            .setTitle(title)
            .setBody("An input.")
            .setLanguage(Language.EN)
            .build();
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(at)
        .setActor(new Actor(agency, "someone@" + agency.toLowerCase() + ".org", ActorRole.AGENCY))
        .setContributionId(id)
        .setProcessId("gdc-2023")
        .setAgency(agency)
        .setRevision(revision)
        .setPayload(
            revision == 1
                ? new ContributionSubmitted(content)
                : new ContributionRevised(content, "Shorter"))
        .build();
  }
}
