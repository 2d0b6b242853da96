package org.ungis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.CleanupConfig;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;

/**
 * The service against a real KRaft broker, the real schema registry and a real SMTP server
 * (GreenMail): workflow events produced as the other services produce them become e-mails to the
 * right people in their language, each once, also across a restart that wipes the local state.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.kafka.streams.properties.session.timeout.ms=6000")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class NotificationServiceIT {

  static final String GDC = "gdc-2023";
  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final String HEADER = "X-UNGIS-Notification-Id";

  static final TestServers servers = new TestServers();

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @Autowired StreamsBuilderFactoryBean streams;

  @DynamicPropertySource
  static void wire(DynamicPropertyRegistry properties) {
    properties.add("spring.kafka.properties.schema.registry.url", () -> registry().url());
    properties.add("spring.mail.port", () -> servers.smtp().getSmtp().getPort());
    properties.add(
        "spring.kafka.streams.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/notification-it-" + UUID.randomUUID());
  }

  static EmbeddedSchemaRegistry registry() {
    return servers.registry();
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void everyoneConcernedIsToldOnceInTheirLanguageAcrossARestart() throws Exception {
    try (KafkaProducer<String, Object> producer = producer()) {
      send(producer, Topics.PROCESSES.name(), GDC, callOpened());
      send(producer, Topics.CONTRIBUTIONS.name(), "c-itu", submitted("c-itu", "ITU", 1));
      send(
          producer,
          Topics.REVIEWS.name(),
          "c-itu",
          outcome("c-itu", "ITU", 1, Decision.CHANGES_REQUESTED, "Please shorten section 2."));
    }

    // the call: the six focal points of the directory; the input: the five reviewers of 2023-2024
    // (ITU, UNDP, UNESCO, UNCTAD, UNESCAP); the request for changes: ITU's focal point.
    await().atMost(Duration.ofSeconds(90)).until(() -> mails().size() >= 12);
    Map<String, List<MimeMessage>> byRecipient = byRecipient(mails());
    assertThat(byRecipient.get("lea.moreau@itu.int"))
        .extracting(MimeMessage::getSubject)
        .containsExactlyInAnyOrder(
            "[UNGIS] Nouvel appel à contributions : Global Digital Compact",
            "[UNGIS] Modifications demandées pour votre contribution à gdc-2023");
    MimeMessage changes =
        byRecipient.get("lea.moreau@itu.int").stream()
            .filter(m -> subject(m).startsWith("[UNGIS] Modifications"))
            .findFirst()
            .orElseThrow();
    Map<String, String> parts = textParts(changes);
    assertThat(parts.get("text/plain"))
        .contains("Bonjour Léa Moreau,")
        .contains("Commentaire des examinateurs : Please shorten section 2.")
        .contains("http://localhost:8080/contributions/c-itu");
    assertThat(parts.get("text/html"))
        .contains("<html lang=\"fr\"")
        .contains("<a href=\"http://localhost:8080/contributions/c-itu\">");
    assertThat(subject(byRecipient.get("wei.zhang@itu.int").get(0)))
        .isEqualTo("[UNGIS] ITU 的新意见待您审阅：Connectivity for all");
    assertThat(subject(byRecipient.get("maria.gonzalez@undp.org").get(0)))
        .startsWith("[UNGIS] Nueva contribución de ITU");
    assertThat(subject(byRecipient.get("layla.haddad@un.org").get(0)))
        .isEqualTo("[UNGIS] دعوة جديدة لتقديم المساهمات: Global Digital Compact");
    assertThat(byRecipient.keySet())
        .containsExactlyInAnyOrder(
            "lea.moreau@itu.int",
            "ngozi.adeyemi@unesco.org",
            "sarah.mitchell@undp.org",
            "elena.petrova@unctad.org",
            "fatou.diallo@uneca.org",
            "layla.haddad@un.org",
            "wei.zhang@itu.int",
            "maria.gonzalez@undp.org",
            "olivier.dubois@unesco.org",
            "tomas.herrera@unctad.org",
            "priya.raman@un.org");

    // Stop mid-flow, wipe the local state (it comes back from the changelogs), events arrive
    // while the service is down, then it starts again: nothing already sent is sent again.
    streams.setCleanupConfig(new CleanupConfig(false, true));
    streams.stop();
    try (KafkaProducer<String, Object> producer = producer()) {
      send(producer, Topics.CONTRIBUTIONS.name(), "c-itu", revised("c-itu", "ITU", 2));
      send(
          producer,
          Topics.REVIEWS.name(),
          "c-itu",
          outcome("c-itu", "ITU", 2, Decision.APPROVED, null));
    }
    streams.setCleanupConfig(new CleanupConfig(false, false));
    streams.start();

    await().atMost(Duration.ofSeconds(90)).until(() -> mails().size() >= 18);
    assertThat(mails()).hasSize(18);
    assertThat(mails())
        .extracting(m -> m.getHeader(HEADER)[0])
        .as("one e-mail per event and recipient")
        .doesNotHaveDuplicates();
    assertThat(mails()).extracting(MimeMessage::getMessageID).doesNotHaveDuplicates();
    assertThat(byRecipient(mails()).get("lea.moreau@itu.int"))
        .extracting(MimeMessage::getSubject)
        .contains("[UNGIS] Votre contribution à gdc-2023 est approuvée");

    // The delivery log: every notification's latest step is SENT, each sent once.
    Map<String, List<NotificationEvent>> log = deliveryLog(18);
    assertThat(log).hasSize(18);
    assertThat(log.values())
        .allSatisfy(
            steps -> {
              assertThat(steps.get(steps.size() - 1).getStatus()).isEqualTo(DeliveryStatus.SENT);
              assertThat(steps.stream().filter(s -> s.getStatus() == DeliveryStatus.SENT))
                  .hasSize(1);
            });
  }

  // ---- events as their owners produce them ----

  static CallForInputsEvent callOpened() {
    return CallForInputsEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0)
        .setActor(new Actor("ITU", "wei.zhang@itu.int", ActorRole.CHAIR))
        .setProcessId(GDC)
        .setChange(CallChange.OPENED)
        .setTitle("Global Digital Compact")
        .setDeadline(Instant.parse("2023-04-30T23:59:59Z"))
        .setStatus(CallStatus.OPEN)
        .build();
  }

  static ContributionContent content() {
    return ContributionContent.newBuilder()
        .setTitle("Connectivity for all")
        .setBody("ITU's input to the Global Digital Compact.")
        .setLanguage(Language.EN)
        .build();
  }

  static ContributionEvent submitted(String id, String agency, int revision) {
    return contribution(id, agency, revision, new ContributionSubmitted(content()));
  }

  static ContributionEvent revised(String id, String agency, int revision) {
    return contribution(id, agency, revision, new ContributionRevised(content(), "Shorter"));
  }

  static ContributionEvent contribution(String id, String agency, int revision, Object payload) {
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0.plusSeconds(3600L * revision))
        .setActor(new Actor(agency, "lea.moreau@itu.int", ActorRole.AGENCY))
        .setContributionId(id)
        .setProcessId(GDC)
        .setAgency(agency)
        .setRevision(revision)
        .setPayload(payload)
        .build();
  }

  static ReviewEvent outcome(
      String id, String agency, int revision, Decision decision, String comment) {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0.plusSeconds(3600L * revision + 600))
        .setActor(new Actor("UNDP", "maria.gonzalez@undp.org", ActorRole.CHAIR))
        .setContributionId(id)
        .setProcessId(GDC)
        .setAgency(agency)
        .setRevision(revision)
        .setPayload(new DecisionRecorded(decision, comment, decision))
        .build();
  }

  // ---- reading what was sent ----

  static List<MimeMessage> mails() {
    return servers.mails();
  }

  static Map<String, List<MimeMessage>> byRecipient(List<MimeMessage> mails) {
    return mails.stream()
        .collect(
            Collectors.groupingBy(
                m -> {
                  try {
                    return m.getRecipients(Message.RecipientType.TO)[0].toString();
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                }));
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain and text/html parts of a message, wherever they sit in its multiparts. */
  static Map<String, String> textParts(Part part) throws Exception {
    Map<String, String> parts = new HashMap<>();
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        textParts(child).forEach(parts::putIfAbsent);
      }
    } else if (part.isMimeType("text/plain")) {
      parts.put("text/plain", (String) part.getContent());
    } else if (part.isMimeType("text/html")) {
      parts.put("text/html", (String) part.getContent());
    }
    return parts;
  }

  Map<String, List<NotificationEvent>> deliveryLog(int expected) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putAll(registry().clientConfig());
    config.put("specific.avro.reader", true);
    KafkaAvroDeserializer values = new KafkaAvroDeserializer();
    values.configure(config, false);
    Map<String, List<NotificationEvent>> log = new HashMap<>();
    try (KafkaConsumer<String, Object> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), values)) {
      consumer.subscribe(List.of(Topics.NOTIFICATIONS.name()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(500))) {
                  NotificationEvent event = (NotificationEvent) r.value();
                  log.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(event);
                }
                return log.size() >= expected
                    && log.values().stream()
                        .allMatch(s -> s.get(s.size() - 1).getStatus() == DeliveryStatus.SENT);
              });
    }
    return log;
  }

  KafkaProducer<String, Object> producer() {
    return servers.producer(brokers);
  }

  static void send(KafkaProducer<String, Object> producer, String topic, String key, Object value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }
}
