package org.ungis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.notification.SubscriptionChange;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.notification.webhook.WebhookRegistry;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import org.ungis.schemas.webhook.WebhookSignature;

/**
 * notification-service stopped mid-flow and started again as a new application on the same broker
 * and state directory: every e-mail reaches the SMTP server (GreenMail) once and every webhook
 * delivery reaches a (slow) receiver once, those planned before the stop, those in flight at it and
 * those of events that arrived while it was down.
 */
@EmbeddedKafka(partitions = 3)
class RestartIT {

  static final String SUBSCRIPTION = "wh_restart";
  static final int BEFORE = 40;
  static final int WHILE_DOWN = 10;
  static final int REVIEWERS = 5;

  static EmbeddedSchemaRegistry registry;
  static GreenMail smtp;
  static HttpServer receiver;
  static final List<String> received = new CopyOnWriteArrayList<>();

  @TempDir static Path state;

  @BeforeAll
  static void startServers() throws Exception {
    String brokers = System.getProperty("spring.embedded.kafka.brokers");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      admin
          .createTopics(
              List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES, Topics.RECORDS)
                  .stream()
                  .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                  .toList())
          .all()
          .get();
    }
    registry = EmbeddedSchemaRegistry.start(brokers);
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    // A slow endpoint: it answers 2 s after each request, so deliveries are in flight when the
    // service stops (without the drain at stop, their outcomes would be lost and sent again).
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          received.add(exchange.getRequestHeaders().getFirst("webhook-id"));
          CompletableFuture.runAsync(
              () -> {
                try (exchange) {
                  exchange.sendResponseHeaders(204, -1);
                } catch (java.io.IOException e) {
                  // the sender gave up: it attempts again
                }
              },
              CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        });
    receiver.start();
  }

  @AfterAll
  static void stopServers() {
    if (receiver != null) {
      receiver.stop(0);
    }
    if (registry != null) {
      registry.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }

  @Test
  void stoppedMidFlowAndStartedAgainItSendsEveryEmailAndWebhookOnce() throws Exception {
    List<String> events = new CopyOnWriteArrayList<>();
    ConfigurableApplicationContext first = startService();
    try (KafkaProducer<String, Object> producer = producer()) {
      producer.send(subscription()).get();
      WebhookRegistry webhooks = first.getBean(WebhookRegistry.class);
      await()
          .atMost(Duration.ofSeconds(90))
          .ignoreExceptions()
          .until(() -> webhooks.find("itu-webhooks", SUBSCRIPTION).isPresent());
      for (int i = 0; i < BEFORE; i++) {
        events.add(submit(producer, "c-" + i));
      }
    }
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> !received.isEmpty());
    int inFlightAtStop = received.size(); // received, none answered yet
    first.close();
    int mailsAtStop = smtp.getReceivedMessages().length;
    int deliveriesAtStop = received.size();
    assertThat(inFlightAtStop).as("deliveries in flight at the stop").isPositive();
    assertThat(mailsAtStop).as("stopped mid-flow").isLessThan(BEFORE * REVIEWERS);

    try (KafkaProducer<String, Object> producer = producer()) {
      for (int i = BEFORE; i < BEFORE + WHILE_DOWN; i++) {
        events.add(submit(producer, "c-" + i));
      }
    }
    ConfigurableApplicationContext second = startService();
    try {
      int mails = (BEFORE + WHILE_DOWN) * REVIEWERS;
      await()
          .atMost(Duration.ofSeconds(180))
          .until(
              () -> smtp.getReceivedMessages().length >= mails && received.size() >= events.size());
      // and nothing more comes
      await()
          .during(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> smtp.getReceivedMessages().length == mails && received.size() == events.size());
    } finally {
      second.close();
    }

    Map<String, Long> byNotification =
        Arrays.stream(smtp.getReceivedMessages())
            .collect(Collectors.groupingBy(RestartIT::notificationId, Collectors.counting()));
    assertThat(byNotification).hasSize((BEFORE + WHILE_DOWN) * REVIEWERS);
    assertThat(byNotification.values()).as("each e-mail once").containsOnly(1L);
    Map<String, Long> byWebhookId =
        received.stream()
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertThat(byWebhookId.keySet()).containsExactlyInAnyOrderElementsOf(events);
    assertThat(byWebhookId.values()).as("each delivery once").containsOnly(1L);
    System.out.printf(
        "[restart] at the stop: %d deliveries in flight; when stopped: %d of %d e-mails, %d of %d"
            + " deliveries; in the end each once%n",
        inFlightAtStop, mailsAtStop, BEFORE * REVIEWERS, deliveriesAtStop, BEFORE);
  }

  ConfigurableApplicationContext startService() {
    Map<String, Object> properties = new HashMap<>();
    properties.put("server.port", "0");
    properties.put(
        "spring.kafka.bootstrap-servers", System.getProperty("spring.embedded.kafka.brokers"));
    properties.put("spring.kafka.properties.schema.registry.url", registry.url());
    properties.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
    properties.put("spring.kafka.streams.state-dir", state.toString());
    properties.put("spring.kafka.streams.properties.session.timeout.ms", "6000");
    properties.put("ungis.notifications.retry-tick", "200ms");
    // as arguments: they win over application.yml and over the system properties that another
    // test's embedded broker may have left in this JVM
    return new SpringApplicationBuilder(NotificationServiceApplication.class)
        .run(
            properties.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new));
  }

  static String notificationId(MimeMessage message) {
    try {
      return message.getHeader("X-UNGIS-Notification-Id")[0];
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String submit(KafkaProducer<String, Object> producer, String id) throws Exception {
    var event = NotificationServiceIT.submitted(id, "ITU", 1);
    producer.send(new ProducerRecord<>(Topics.CONTRIBUTIONS.name(), id, event)).get();
    return event.getEventId().toString();
  }

  ProducerRecord<String, Object> subscription() {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    WebhookSubscriptionEvent event =
        WebhookSubscriptionEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOccurredAt(Instant.now())
            .setActor(new Actor("ITU", "itu-webhooks", ActorRole.AGENCY))
            .setSubscriptionId(SUBSCRIPTION)
            .setChange(SubscriptionChange.REGISTERED)
            .setUrl(url)
            .setSecret(WebhookSignature.newSecret())
            .setEventTypes(List.of("contribution.submitted"))
            .build();
    return new ProducerRecord<>(Topics.WEBHOOKS.name(), SUBSCRIPTION, event);
  }

  static KafkaProducer<String, Object> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
        System.getProperty("spring.embedded.kafka.brokers"));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putAll(registry.clientConfig());
    KafkaAvroSerializer values = new KafkaAvroSerializer();
    values.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }
}
