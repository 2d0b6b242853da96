package org.ungis.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ungis.publication.record.messaging.InputEvents.approved;
import static org.ungis.publication.record.messaging.InputEvents.call;
import static org.ungis.publication.record.messaging.InputEvents.content;
import static org.ungis.publication.record.messaging.InputEvents.decided;
import static org.ungis.publication.record.messaging.InputEvents.revised;
import static org.ungis.publication.record.messaging.InputEvents.submitted;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.CleanupConfig;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.process.CallStatus;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.Decision;
import org.ungis.publication.client.RecordAssembler;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import org.ungis.testsupport.OpenApiContract;
import org.ungis.testsupport.OpenApiSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service against a real KRaft broker and the real schema registry: the input events are
 * produced as contributions-service and review-service produce them, and the record is read over
 * HTTP (JSON, Markdown, HTML) and with a plain Kafka consumer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    // A restarted streams client waits for its previous member's session to expire (Kafka 4.1
    // cannot make a dynamic member leave on close): keep that short in the restart test.
    properties = "spring.kafka.streams.properties.session.timeout.ms=6000")
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicationServiceIT {

  static final String GDC = "gdc-2023";
  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static EmbeddedSchemaRegistry registry;

  @DynamicPropertySource
  static void wire(DynamicPropertyRegistry properties) {
    properties.add("spring.kafka.properties.schema.registry.url", () -> registry().url());
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> auth().issuer());
    properties.add(
        "spring.kafka.streams.state-dir",
        () -> System.getProperty("java.io.tmpdir") + "/publication-it-" + UUID.randomUUID());
  }

  /**
   * Starts the registry once the broker is up (the first time the context asks for its URL), after
   * creating the input topics as their owners (contributions-service, review-service) would.
   */
  static synchronized EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      String brokers = System.getProperty("spring.embedded.kafka.brokers");
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
        admin
            .createTopics(
                List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES).stream()
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

  static EmbeddedAuthServer auth;

  /** The real authorization server: the operators' monitoring client gets its token there. */
  static synchronized EmbeddedAuthServer auth() {
    if (auth == null) {
      auth = EmbeddedAuthServer.start();
    }
    return auth;
  }

  @AfterAll
  static void stopRegistry() {
    if (registry != null) {
      registry.close();
    }
    if (auth != null) {
      auth.close();
    }
  }

  @Autowired StreamsBuilderFactoryBean streams;

  @Value("${local.server.port}")
  int port;

  @Value("${spring.kafka.bootstrap-servers}")
  String brokers;

  static String itu = UUID.randomUUID().toString();
  static String undp = UUID.randomUUID().toString();

  @Test
  @Order(1)
  void becomesReadyOnceItsStreamsRun() throws Exception {
    // The answer that said ready is the one read: the streams may still rebalance once after it.
    HttpResponse<String> ready =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () -> get("/actuator/health/readiness", "application/json"),
                response -> response.statusCode() == 200);
    JsonNode readiness = JSON.readTree(ready.body());
    assertThat(readiness.path("status").asString()).isEqualTo("UP");
    assertThat(readiness.has("components"))
        .as("the streams' details are for operators only, not for anyone who asks")
        .isFalse();
    HttpResponse<String> detailed =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                .header(
                    "Authorization", "Bearer " + auth().token("operations", "operations-secret"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(detailed.statusCode()).isEqualTo(200);
    assertThat(detailed.body()).contains("RUNNING");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
      ConfigResource records = new ConfigResource(ConfigResource.Type.TOPIC, Topics.RECORDS.name());
      assertThat(
              admin
                  .describeConfigs(List.of(records))
                  .all()
                  .get()
                  .get(records)
                  .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                  .value())
          .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
      assertThat(admin.listTopics().names().get())
          .contains(
              Topics.CONTRIBUTIONS.deadLetterTopic(),
              Topics.REVIEWS.deadLetterTopic(),
              Topics.PROCESSES.deadLetterTopic());
    }
    HttpResponse<String> config =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(registry().url() + "/config/" + Topics.RECORDS.valueSubject()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(JSON.readTree(config.body()).path("compatibilityLevel").asString())
        .as("downstream readers replay the records topic from the start")
        .isEqualTo("BACKWARD_TRANSITIVE");
  }

  @Test
  @Order(2)
  void publishesTheApprovedInputsOfACallAndServesThemAsJson() throws Exception {
    try (KafkaProducer<String, Object> producer = producer()) {
      send(producer, Topics.PROCESSES.name(), GDC, call(GDC, CallStatus.OPEN, T0));
      send(
          producer,
          Topics.CONTRIBUTIONS.name(),
          itu,
          submitted(
              itu,
              GDC,
              "ITU",
              content("Meaningful connectivity", "ITU's input.\n\nSecond paragraph."),
              at(1)));
      send(
          producer,
          Topics.CONTRIBUTIONS.name(),
          undp,
          submitted(undp, GDC, "UNDP", content("DPI draft", "First draft."), at(2)));
      send(
          producer,
          Topics.REVIEWS.name(),
          undp,
          decided(
              undp, GDC, "UNDP", 1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, at(3)));
      send(
          producer,
          Topics.CONTRIBUTIONS.name(),
          undp,
          revised(
              undp,
              GDC,
              "UNDP",
              2,
              content("Digital public infrastructure", "Revised <text> & more."),
              at(4)));
      send(producer, Topics.REVIEWS.name(), itu, approved(itu, GDC, "ITU", 1, at(5)));
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> json("/api/v1/records/" + GDC).path("edition").asInt() == 1);
      send(producer, Topics.REVIEWS.name(), undp, approved(undp, GDC, "UNDP", 2, at(6)));
      send(producer, Topics.REVIEWS.name(), undp, approved(undp, GDC, "UNDP", 2, at(6)));
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> json("/api/v1/records/" + GDC).path("edition").asInt() == 2);
    JsonNode record = json("/api/v1/records/" + GDC);
    assertThat(record.path("finalEdition").asBoolean()).isFalse();
    assertThat(record.path("call").path("title").asString())
        .isEqualTo("UNGIS joint input to the Global Digital Compact");
    List<String> agencies = new java.util.ArrayList<>();
    record.path("entries").forEach(e -> agencies.add(e.path("agency").asString()));
    assertThat(agencies).containsExactly("ITU", "UNDP");
    JsonNode revisedEntry = record.path("entries").get(1);
    assertThat(revisedEntry.path("revision").asInt()).isEqualTo(2);
    assertThat(revisedEntry.path("title").asString()).isEqualTo("Digital public infrastructure");
    assertThat(revisedEntry.path("body").asString()).isEqualTo("Revised <text> & more.");
    assertThat(revisedEntry.path("agencyName").asString())
        .isEqualTo("United Nations Development Programme");
    assertThat(record.path("coverage").path("sdgs").path("9").toString()).contains("ITU", "UNDP");

    JsonNode first = json("/api/v1/records/" + GDC + "/editions/1");
    assertThat(first.path("edition").asInt()).isEqualTo(1);
    assertThat(first.path("entries").size()).isEqualTo(1);
    assertThat(first.path("entries").get(0).path("agency").asString()).isEqualTo("ITU");

    JsonNode list = json("/api/v1/records");
    assertThat(list.isArray()).isTrue();
    assertThat(list.get(0).path("processId").asString()).isEqualTo(GDC);
    assertThat(list.get(0).path("edition").asInt()).isEqualTo(2);
    assertThat(list.get(0).path("entryCount").asInt()).isEqualTo(2);
  }

  @Test
  @Order(3)
  void servesTheSameRecordAsMarkdownAndEscapedHtml() throws Exception {
    HttpResponse<String> markdown = get("/api/v1/records/" + GDC, "text/markdown");
    assertThat(markdown.statusCode()).isEqualTo(200);
    assertThat(markdown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/markdown");
    assertThat(markdown.body())
        .containsSubsequence(
            "# UNGIS joint input to the Global Digital Compact",
            "- Edition 2",
            "### International Telecommunication Union (ITU)",
            "#### Meaningful connectivity",
            "### United Nations Development Programme (UNDP)",
            "Revised &lt;text&gt; &amp; more.");

    HttpResponse<String> html = get("/api/v1/records/" + GDC, "text/html");
    assertThat(html.statusCode()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(html.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(html.body())
        .startsWith("<!DOCTYPE html>")
        .containsSubsequence(
            "<h1>UNGIS joint input to the Global Digital Compact</h1>",
            "Edition 2",
            "International Telecommunication Union (ITU)",
            "<p>ITU&#39;s input.</p>",
            "<p>Second paragraph.</p>",
            "United Nations Development Programme (UNDP)",
            "<p>Revised &lt;text&gt; &amp; more.</p>")
        .doesNotContain("<text>");

    // The same document as PDF and Word, by extension (links for people) or by Accept.
    HttpResponse<String> pdf = get("/api/v1/records/" + GDC + ".pdf", "*/*");
    assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");
    HttpResponse<String> docx = get("/api/v1/records/" + GDC + "/editions/1.docx", "*/*");
    assertThat(docx.statusCode()).as(docx.body()).isEqualTo(200);
    assertThat(docx.body()).startsWith("PK");
    assertThat(get("/api/v1/records/" + GDC, "application/pdf").body()).startsWith("%PDF-");
    assertThat(get("/api/v1/records/" + GDC + ".html?lang=fr", "*/*").body())
        .contains("Table des matières");
    HttpResponse<String> unknownLanguage =
        get("/api/v1/records/" + GDC + "?lang=DE", "application/json");
    assertThat(unknownLanguage.statusCode()).isEqualTo(400);
    assertThat(unknownLanguage.body()).contains("https://ungis.org/problems/validation");

    // The Atom feeds of editions, per call and for all calls.
    HttpResponse<String> feed = get("/api/v1/records/" + GDC + "/feed.atom", "*/*");
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/atom+xml");
    assertThat(feed.body())
        .containsSubsequence(
            "urn:ungis:records:" + GDC + ":editions:2", "urn:ungis:records:" + GDC + ":editions:1");
    assertThat(get("/api/v1/records/feed.atom", "*/*").body())
        .contains("urn:ungis:records:" + GDC + ":editions:2");
  }

  @Test
  @Order(4)
  void answersUnknownRecordsAndEditionsWithProblemDetails() throws Exception {
    for (String path :
        List.of("/api/v1/records/unknown-2023", "/api/v1/records/" + GDC + "/editions/99")) {
      for (String accept : List.of("application/json", "text/html")) {
        HttpResponse<String> response = get(path, accept);
        assertThat(response.statusCode()).as(path + " " + accept).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
            .startsWith("application/problem+json");
        assertThat(JSON.readTree(response.body()).path("type").asString())
            .isEqualTo("https://ungis.org/problems/not-found");
      }
    }
    HttpResponse<String> bad = get("/api/v1/records/" + GDC + "/editions/two", "application/json");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).path("type").asString())
        .isEqualTo("https://ungis.org/problems/validation");
  }

  @Test
  @Order(5)
  void aPlainConsumerRebuildsTheSameRecordFromTheTopicAlone() {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.putAll(registry().clientConfig());
    try (KafkaConsumer<String, RecordEvent> consumer =
        new KafkaConsumer<>(
            config,
            new StringDeserializer(),
            Topics.RECORDS.valueSerde(registry().clientConfig()).deserializer())) {
      RecordAssembler assembler =
          RecordAssembler.readToEnd(consumer, Topics.RECORDS.name(), Duration.ofSeconds(30));
      RecordAssembler.AssembledRecord record = assembler.assemble(GDC).orElseThrow();
      assertThat(record.edition().getEdition()).isEqualTo(2);
      assertThat(record.entries())
          .extracting(RecordEntry::getAgency)
          .containsExactly("ITU", "UNDP");
      assertThat(record.entries().get(1).getContent().getBody())
          .isEqualTo("Revised <text> & more.");
    }
  }

  @Test
  @Order(6)
  void deadLettersAnUndecodableInputAndGoesOnToPublishTheFinalEdition() throws Exception {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> raw =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      raw.send(new ProducerRecord<>(Topics.CONTRIBUTIONS.name(), "bad".getBytes(), garbage)).get();
    }
    try (KafkaProducer<String, Object> producer = producer()) {
      send(producer, Topics.PROCESSES.name(), GDC, call(GDC, CallStatus.CLOSED, at(30)));
    }

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> json("/api/v1/records/" + GDC).path("finalEdition").asBoolean());
    assertThat(json("/api/v1/records/" + GDC).path("edition").asInt()).isEqualTo(3);

    try (KafkaConsumer<String, byte[]> dlt =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, "it-dlt",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      dlt.subscribe(List.of(Topics.CONTRIBUTIONS.deadLetterTopic()));
      List<ConsumerRecord<String, byte[]>> dead = new java.util.ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                dlt.poll(Duration.ofMillis(200)).forEach(dead::add);
                return !dead.isEmpty();
              });
      assertThat(dead.get(0).key()).isEqualTo("bad");
      assertThat(dead.get(0).value()).isEqualTo(garbage);
      assertThat(dead.get(0).headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC)).isNotNull();
    }
  }

  @Test
  @Order(7)
  void answersExactlyAsBeforeAfterLosingItsLocalState() throws Exception {
    List<String> paths =
        List.of(
            "/api/v1/records",
            "/api/v1/records/" + GDC,
            "/api/v1/records/" + GDC + "/editions/1",
            "/api/v1/records/" + GDC + "/editions/2",
            "/api/v1/records/" + GDC + "/editions/3");
    Map<String, String> before = new HashMap<>();
    for (String path : paths) {
      for (String accept : List.of("application/json", "text/markdown", "text/html")) {
        before.put(accept + " " + path, get(path, accept).body());
      }
    }

    streams.setCleanupConfig(new CleanupConfig(false, true));
    streams.stop();
    streams.setCleanupConfig(new CleanupConfig(false, false));
    streams.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get("/actuator/health/readiness", "application/json").statusCode() == 200);

    for (String path : paths) {
      for (String accept : List.of("application/json", "text/markdown", "text/html")) {
        String key = accept + " " + path;
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> assertThat(get(path, accept).body()).as(key).isEqualTo(before.get(key)));
      }
    }
  }

  @Test
  @Order(8)
  void describesTheRecordEndpointsInOpenApiWithASwaggerUi() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", "application/json");
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode latest = JSON.readTree(docs.body()).path("paths").path("/api/v1/records/{process}");
    assertThat(latest.path("get").path("summary").asString()).isNotBlank();
    assertThat(latest.path("get").path("responses").path("200").path("content").propertyNames())
        .containsExactlyInAnyOrder(
            "application/json",
            "text/markdown;charset=UTF-8",
            "text/html;charset=UTF-8",
            "application/pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    for (String status : List.of("404", "406", "503")) {
      assertThat(latest.path("get").path("responses").path(status).path("content").propertyNames())
          .as(status)
          .containsExactly("application/problem+json");
    }
    assertThat(get("/swagger-ui/index.html", "text/html").statusCode()).isEqualTo(200);

    OpenApiSnapshot.assertMatchesCommitted(
        "publication-service", PublicationServiceIT.class, docs.body());
  }

  @Test
  @Order(9)
  void prometheusCountsTheEditionsAndShowsTheStreamsConsumerLag() throws Exception {
    assertThat(get("/actuator/prometheus", "text/plain").statusCode())
        .as("metrics are not public")
        .isEqualTo(401);
    assertThat(get("/actuator/info", "application/json").statusCode()).isEqualTo(401);
    HttpResponse<String> scrape =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header(
                    "Authorization", "Bearer " + auth().token("operations", "operations-secret"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scrape.statusCode()).isEqualTo(200);
    List<String> lines = scrape.body().lines().toList();
    // What the README's Metrics section shows.
    lines.stream()
        .filter(
            l -> l.startsWith("ungis_") || l.contains("records_lag_max{") || l.contains("alive"))
        .forEach(l -> System.out.println("[metrics] " + l));

    assertThat(
            sample(
                lines, "ungis_records_editions_published_total{final=\"false\",process=\"" + GDC))
        .isEqualTo(2.0);
    assertThat(
            sample(lines, "ungis_records_editions_published_total{final=\"true\",process=\"" + GDC))
        .isEqualTo(1.0);
    assertThat(sample(lines, "ungis_records_entries_published_total{process=\"" + GDC))
        .as("ITU's entry in edition 1, UNDP's in edition 2")
        .isEqualTo(2.0);
    assertThat(sample(lines, "ungis_records_input_lag_records "))
        .as("nothing left to read from the inputs")
        .isEqualTo(0.0);
    assertThat(lines).anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{"));
    assertThat(lines).anyMatch(l -> l.startsWith("kafka_stream_alive_stream_threads{"));
  }

  static double sample(List<String> lines, String prefix) {
    return lines.stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElse(0.0);
  }

  static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  KafkaProducer<String, Object> producer() {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.putAll(registry().clientConfig());
    KafkaAvroSerializer values = new KafkaAvroSerializer();
    values.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }

  static void send(KafkaProducer<String, Object> producer, String topic, String key, Object value)
      throws Exception {
    producer.send(new ProducerRecord<>(topic, key, value)).get();
  }

  HttpResponse<String> get(String path, String accept) throws Exception {
    return OpenApiContract.send(
        "publication-service",
        HTTP,
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", accept)
            .GET()
            .build());
  }

  JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path, "application/json");
    if (response.statusCode() != 200) {
      return JSON.createObjectNode();
    }
    return JSON.readTree(response.body());
  }
}
