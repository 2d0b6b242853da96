package org.ungis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ungis.notification.NotificationServiceIT.byRecipient;
import static org.ungis.notification.NotificationServiceIT.callOpened;
import static org.ungis.notification.NotificationServiceIT.subject;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.schemas.Topics;

/**
 * The service on the clock {@code ungis.clock.start} gives it, as the local stack's demo runs it:
 * five and a half days before a 2023 deadline on that clock (years after it on the system clock),
 * every member's focal points get the 7-day reminder, in their language.
 */
@SpringBootTest(
    properties = {
      "ungis.clock.start=2023-04-25T09:00:00Z",
      "ungis.notifications.reminder-check=1s"
    })
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ServiceClockIT {

  static final TestServers servers = new TestServers();

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @DynamicPropertySource
  static void wire(DynamicPropertyRegistry properties) {
    properties.add("spring.kafka.properties.schema.registry.url", () -> servers.registry().url());
    properties.add("spring.mail.port", () -> servers.smtp().getSmtp().getPort());
    properties.add(
        "spring.kafka.streams.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/notification-clock-it-" + UUID.randomUUID());
  }

  @AfterAll
  static void stop() {
    servers.close();
  }

  @Test
  void remindsSevenDaysBeforeADeadlineOnTheConfiguredClock() throws Exception {
    try (KafkaProducer<String, Object> producer = servers.producer(brokers)) {
      // deadline 2023-04-30T23:59:59Z
      producer.send(new ProducerRecord<>(Topics.PROCESSES.name(), "gdc-2023", callOpened())).get();
    }

    // the six focal points: the call opened, then the 7-day reminder (no agency has submitted)
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> reminders().size() >= 6 && servers.smtp().getReceivedMessages().length >= 12);
    assertThat(reminders())
        .extracting(m -> m.getHeader(NotificationServiceIT.HEADER)[0])
        .allMatch(id -> id.startsWith("reminder/7d/gdc-2023/"))
        .doesNotHaveDuplicates();
    Map<String, List<MimeMessage>> byRecipient = byRecipient(reminders());
    assertThat(byRecipient.keySet())
        .containsExactlyInAnyOrder(
            "lea.moreau@itu.int",
            "ngozi.adeyemi@unesco.org",
            "sarah.mitchell@undp.org",
            "elena.petrova@unctad.org",
            "fatou.diallo@uneca.org",
            "layla.haddad@un.org");
    assertThat(subject(byRecipient.get("lea.moreau@itu.int").get(0)))
        .isEqualTo("[UNGIS] Rappel : 7 jour(s) pour contribuer à « Global Digital Compact »");
    assertThat(subject(byRecipient.get("layla.haddad@un.org").get(0)))
        .isEqualTo("[UNGIS] تذكير: عدد الأيام المتبقية للمساهمة في \"Global Digital Compact\": 7");
    assertThat(servers.smtp().getReceivedMessages()).hasSize(12);
  }

  static List<MimeMessage> reminders() {
    return servers.mails().stream()
        .filter(
            m -> {
              try {
                return m.getHeader(NotificationServiceIT.HEADER)[0].startsWith("reminder/");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }
}
