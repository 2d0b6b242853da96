package org.ungis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ungis.notification.NotificationServiceIT.byRecipient;
import static org.ungis.notification.NotificationServiceIT.callOpened;
import static org.ungis.notification.NotificationServiceIT.subject;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
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

  static EmbeddedSchemaRegistry registry;
  static GreenMail smtp;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @DynamicPropertySource
  static void wire(DynamicPropertyRegistry properties) {
    properties.add("spring.kafka.properties.schema.registry.url", () -> registry().url());
    properties.add("spring.mail.port", () -> smtp().getSmtp().getPort());
    properties.add(
        "spring.kafka.streams.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/notification-clock-it-" + UUID.randomUUID());
  }

  static synchronized GreenMail smtp() {
    if (smtp == null) {
      smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      smtp.start();
    }
    return smtp;
  }

  static synchronized EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      String brokers = System.getProperty("spring.embedded.kafka.brokers");
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
        admin
            .createTopics(
                List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES, Topics.RECORDS)
                    .stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                    .toList())
            .all()
            .get();
      } catch (Exception e) {
        throw new IllegalStateException("cannot create the input topics", e);
      }
      registry = EmbeddedSchemaRegistry.start(brokers);
    }
    return registry;
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void remindsSevenDaysBeforeADeadlineOnTheConfiguredClock() throws Exception {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.putAll(registry().clientConfig());
    KafkaAvroSerializer values = new KafkaAvroSerializer();
    values.configure(config, false);
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(config, new StringSerializer(), values)) {
      // deadline 2023-04-30T23:59:59Z
      producer.send(new ProducerRecord<>(Topics.PROCESSES.name(), "gdc-2023", callOpened())).get();
    }

    // the six focal points: the call opened, then the 7-day reminder (no agency has submitted)
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> reminders().size() >= 6 && smtp().getReceivedMessages().length >= 12);
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
    assertThat(smtp().getReceivedMessages()).hasSize(12);
  }

  static List<MimeMessage> reminders() {
    return List.of(smtp().getReceivedMessages()).stream()
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
