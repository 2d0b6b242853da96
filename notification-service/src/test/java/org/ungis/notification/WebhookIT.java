package org.ungis.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.review.Decision;
import org.ungis.schemas.Topics;
import org.ungis.schemas.webhook.WebhookSignature;
import org.ungis.testsupport.OpenApiSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks against a real broker, registry and authorization server: an integrator registers two
 * endpoints through the API with its own scope; one answers 503 at first and then recovers, the
 * other is dead. The live one verifies every signature, sees the retries, then every event exactly
 * once; the dead one holds nothing back; the delivery log shows both.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ungis.notifications.first-retry=1s",
      "ungis.notifications.retry-tick=200ms",
      "ungis.notifications.webhook-timeout=2s"
    })
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class WebhookIT {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static EmbeddedAuthServer auth;
  static final TestServers servers = new TestServers();
  static HttpServer receiver;

  /** What the receiver saw: each request's webhook-id, whether its signature held, the answer. */
  record Seen(String webhookId, boolean signatureValid, int answered, String body) {}

  static final List<Seen> seen = new CopyOnWriteArrayList<>();
  static final AtomicReference<String> secret = new AtomicReference<>();
  static final AtomicInteger unavailableLeft = new AtomicInteger(3);

  @LocalServerPort int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  @DynamicPropertySource
  static void wire(DynamicPropertyRegistry properties) {
    properties.add("spring.kafka.properties.schema.registry.url", () -> servers.registry().url());
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> auth().issuer());
    properties.add("spring.mail.port", () -> servers.smtp().getSmtp().getPort());
    properties.add(
        "spring.kafka.streams.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/webhook-it-" + UUID.randomUUID());
  }

  static synchronized EmbeddedAuthServer auth() {
    if (auth == null) {
      auth = EmbeddedAuthServer.start();
    }
    return auth;
  }

  /** An endpoint that checks the Standard Webhooks signature and answers 503 three times. */
  static String startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String id = exchange.getRequestHeaders().getFirst("webhook-id");
          String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
          String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
          boolean valid =
              id != null
                  && timestamp != null
                  && signature != null
                  && new WebhookSignature(secret.get())
                      .verify(
                          id, Instant.ofEpochSecond(Long.parseLong(timestamp)), body, signature);
          int status = !valid ? 401 : unavailableLeft.getAndDecrement() > 0 ? 503 : 204;
          seen.add(new Seen(id, valid, status, body));
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    receiver.start();
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
  }

  @AfterAll
  static void stop() {
    if (receiver != null) {
      receiver.stop(0);
    }
    servers.close();
    if (auth != null) {
      auth.close();
    }
  }

  @Test
  void aSignedDeliveryIsRetriedAfter503AndArrivesOnceWhileADeadEndpointHoldsNothingBack()
      throws Exception {
    String integrator = auth().token("itu-webhooks", "itu-webhooks-secret");
    String url = startReceiver();
    List<String> types = List.of("call.opened", "contribution.submitted", "review.decided");

    HttpResponse<String> noScope = post(auth().intakeToken("ITU"), url, types);
    assertThat(noScope.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(noScope.body()).path("type").asString())
        .isEqualTo("https://ungis.org/problems/insufficient-scope");
    HttpResponse<String> notHttps = post(integrator, "http://example.org/hook", types);
    assertThat(notHttps.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(notHttps.body()).path("type").asString())
        .isEqualTo("https://ungis.org/problems/invalid-webhook");

    HttpResponse<String> created = post(integrator, url, types);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode live = JSON.readTree(created.body());
    assertThat(created.headers().firstValue("Location"))
        .hasValue("/api/v1/webhooks/" + live.path("id").asString());
    secret.set(live.path("secret").asString());
    assertThat(secret.get()).startsWith("whsec_");
    JsonNode dead = JSON.readTree(post(integrator, "http://127.0.0.1:9/gone", types).body());

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> get(integrator, "/api/v1/webhooks").contains(live.path("id").asString()));

    String opened;
    String submitted;
    String decided;
    try (KafkaProducer<String, Object> producer = producer()) {
      var call = NotificationServiceIT.callOpened();
      var input = NotificationServiceIT.submitted("c-undp", "UNDP", 1);
      var decision = NotificationServiceIT.outcome("c-undp", "UNDP", 1, Decision.APPROVED, "Good");
      producer.send(new ProducerRecord<>(Topics.PROCESSES.name(), "gdc-2023", call)).get();
      producer.send(new ProducerRecord<>(Topics.CONTRIBUTIONS.name(), "c-undp", input)).get();
      producer.send(new ProducerRecord<>(Topics.REVIEWS.name(), "c-undp", decision)).get();
      opened = call.getEventId().toString();
      submitted = input.getEventId().toString();
      decided = decision.getEventId().toString();
    }

    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> seen.stream().filter(s -> s.answered() == 204).count() >= 3);
    assertThat(seen).allMatch(Seen::signatureValid);
    assertThat(seen).filteredOn(s -> s.answered() == 503).hasSize(3);
    Map<String, Long> accepted =
        seen.stream()
            .filter(s -> s.answered() == 204)
            .collect(Collectors.groupingBy(Seen::webhookId, Collectors.counting()));
    assertThat(accepted)
        .as("every event exactly once after the endpoint recovered")
        .isEqualTo(Map.of(opened, 1L, submitted, 1L, decided, 1L));
    Seen decision =
        seen.stream().filter(s -> s.webhookId().equals(decided)).findFirst().orElseThrow();
    JsonNode body = JSON.readTree(decision.body());
    assertThat(body.path("id").asString()).isEqualTo(decided);
    assertThat(body.path("type").asString()).isEqualTo("review.decided");
    assertThat(body.path("data").path("outcome").asString()).isEqualTo("APPROVED");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              JsonNode log =
                  JSON.readTree(
                      get(
                          integrator,
                          "/api/v1/webhooks/" + live.path("id").asString() + "/deliveries"));
              assertThat(log).hasSize(3);
              assertThat(log).allMatch(d -> d.path("status").asString().equals("SENT"));
              assertThat(log).anyMatch(d -> d.path("attempts").asInt() > 1);
            });
    JsonNode deadLog =
        JSON.readTree(
            get(integrator, "/api/v1/webhooks/" + dead.path("id").asString() + "/deliveries"));
    assertThat(deadLog).hasSize(3);
    assertThat(deadLog).allMatch(d -> d.path("status").asString().equals("RETRYING"));
    assertThat(deadLog.get(0).path("lastError").asString()).isNotBlank();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameRegistrationAndAnotherBodyIsRefused()
      throws Exception {
    String integrator = auth().token("itu-webhooks", "itu-webhooks-secret");
    String url = "http://127.0.0.1:9/idempotent";
    List<String> types = List.of("record.edition", "call.closed");
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> !get(integrator, "/api/v1/webhooks").isEmpty());

    HttpResponse<String> first = post(integrator, url, types, "itu-archive-1");
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
    JsonNode created = JSON.readTree(first.body());

    HttpResponse<String> again =
        post(integrator, url, List.of("call.closed", "record.edition"), "itu-archive-1");
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
    assertThat(again.headers().firstValue("Location"))
        .isEqualTo(first.headers().firstValue("Location"));
    JsonNode replayed = JSON.readTree(again.body());
    assertThat(replayed.path("id").asString()).isEqualTo(created.path("id").asString());
    assertThat(replayed.path("secret").asString()).isEqualTo(created.path("secret").asString());

    HttpResponse<String> other = post(integrator, url, List.of("record.edition"), "itu-archive-1");
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(other.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(JSON.readTree(other.body()).path("type").asString())
        .isEqualTo("https://ungis.org/problems/idempotency-key-reused");

    HttpResponse<String> anotherKey = post(integrator, url, types, "itu-archive-2");
    assertThat(anotherKey.statusCode()).isEqualTo(201);
    assertThat(JSON.readTree(anotherKey.body()).path("id").asString())
        .isNotEqualTo(created.path("id").asString());
    String list = get(integrator, "/api/v1/webhooks");
    assertThat(JSON.readTree(list))
        .filteredOn(w -> w.path("url").asString().equals(url))
        .hasSize(2);
  }

  @Test
  void theOpenApiDescriptionIsTheCommittedOneAndNamesTheIdempotencyKey() throws Exception {
    HttpResponse<String> docs =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode post = JSON.readTree(docs.body()).path("paths").path("/api/v1/webhooks").path("post");
    assertThat(post.path("summary").asString()).isNotBlank();
    assertThat(post.path("parameters"))
        .extracting(p -> p.path("name").asString())
        .containsExactly("Idempotency-Key");
    assertThat(JSON.readTree(docs.body()).path("paths").propertyNames())
        .containsExactlyInAnyOrder(
            "/api/v1/webhooks", "/api/v1/webhooks/{id}", "/api/v1/webhooks/{id}/deliveries");
    OpenApiSnapshot.assertMatchesCommitted("notification-service", WebhookIT.class, docs.body());
  }

  HttpResponse<String> post(String token, String url, List<String> types) throws Exception {
    return post(token, url, types, null);
  }

  HttpResponse<String> post(String token, String url, List<String> types, String key)
      throws Exception {
    String body = JSON.writeValueAsString(Map.of("url", url, "eventTypes", types));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/webhooks"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  String get(String token, String path) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() == 200 ? response.body() : "";
  }

  KafkaProducer<String, Object> producer() {
    return servers.producer(brokers);
  }
}
