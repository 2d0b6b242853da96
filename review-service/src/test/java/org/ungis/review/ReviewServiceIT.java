package org.ungis.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.events.common.ActorRole;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;
import org.ungis.testsupport.OpenApiContract;
import org.ungis.testsupport.OpenApiSnapshot;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review service against a real KRaft broker and the real schema registry, driven over HTTP as
 * the chair would, with contribution events produced as contributions-service would.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = {ReviewServiceApplication.class, ReviewServiceIT.FixedTime.class},
    properties = "ungis.security.internal.secret=" + ReviewServiceIT.INTERNAL_SECRET)
@EmbeddedKafka(
    count = 1,
    partitions = 3,
    bootstrapServersProperty = "spring.kafka.bootstrap-servers",
    brokerProperties = {
      "transaction.state.log.replication.factor=1",
      "transaction.state.log.min.isr=1",
      "group.initial.rebalance.delay.ms=0"
    })
class ReviewServiceIT {

  /** Inside the 2023-2024 rota: chairs ITU and UNDP, vice-chairs UNESCO, UNCTAD and UNESCAP. */
  static final Instant NOW = Instant.parse("2023-02-01T09:00:00Z");

  static final Instant DEADLINE = Instant.parse("2023-03-31T23:59:59Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  static EmbeddedSchemaRegistry registry;
  static EmbeddedAuthServer auth;
  static Path stateDir;

  /** The authorization server's signing key: the test mints expired and wrong-audience tokens. */
  static final KeyPair SIGNING_KEY = rsaKeyPair();

  static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

  @TestConfiguration(proxyBeanMethods = false)
  static class FixedTime {
    @Bean
    @Primary
    Clock testClock() {
      return new MutableClock(NOW);
    }
  }

  @DynamicPropertySource
  static void kafka(DynamicPropertyRegistry properties) throws IOException {
    properties.add("spring.kafka.properties.schema.registry.url", () -> registry().url());
    properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> auth().issuer());
    stateDir = Files.createTempDirectory("review-service-it");
    properties.add("spring.kafka.streams.state-dir", stateDir::toString);
  }

  /** Started on first use, once the embedded broker runs. */
  static synchronized EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      registry = EmbeddedSchemaRegistry.start(System.getProperty("spring.embedded.kafka.brokers"));
    }
    return registry;
  }

  /** The real authorization server, one per test class, signing with {@link #SIGNING_KEY}. */
  static synchronized EmbeddedAuthServer auth() {
    if (auth == null) {
      try {
        Path pem = Files.createTempFile("review-service-it-signing-key", ".pem");
        Files.writeString(
            pem,
            "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(SIGNING_KEY.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        pem.toFile().deleteOnExit();
        auth = EmbeddedAuthServer.start(Map.of("ungis.auth.signing-key", "file:" + pem));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return auth;
  }

  @AfterAll
  static void stopRegistryAndAuthServer() {
    // They outlive the (cached) service context only until the JVM exits; close them now.
    if (registry != null) {
      registry.close();
      registry = null;
    }
    if (auth != null) {
      auth.close();
      auth = null;
    }
  }

  /** The token of the first reviewer client of an agency, e.g. reviewer-itu-1 for ITU. */
  static String reviewer(String agency) {
    String client = "reviewer-" + agency.toLowerCase(Locale.ROOT) + "-1";
    return TOKENS.computeIfAbsent(client, c -> auth().reviewerToken(c));
  }

  /** The token of an agency's intake client (role AGENCY). */
  static String agency(String agency) {
    return TOKENS.computeIfAbsent(
        agency.toLowerCase(Locale.ROOT) + "-intake", c -> auth().intakeToken(agency));
  }

  /**
   * A token like the server's reviewer-itu-1 token, signed by {@code key}, with the claims changed
   * by {@code change}.
   */
  static String mint(KeyPair key, Consumer<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(auth().issuer())
            .subject("reviewer-itu-1")
            .audience("ungis-platform")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
            .claim("agency", "ITU")
            .claim("principal", "reviewer-1@itu.int")
            .claim("roles", List.of("REVIEWER"))
            .claim("scope", "processes.read processes.write reviews.read reviews.write");
    change.accept(claims);
    try {
      RSAKey jwk =
          new RSAKey.Builder((RSAPublicKey) key.getPublic())
              .privateKey(key.getPrivate())
              .keyIDFromThumbprint()
              .build();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(jwk.getKeyID()).build(),
              claims.build());
      jwt.sign(new RSASSASigner(jwk));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @LocalServerPort int port;
  @Autowired StreamsBuilderFactoryBean streams;
  @Autowired Clock clock;

  final HttpClient http = HttpClient.newHttpClient();

  @BeforeEach
  void ready() {
    ((MutableClock) clock).set(NOW);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get("/actuator/health/readiness").statusCode() == 200);
  }

  @Test
  void aChairReviewsAContributionThroughChangesRevisionAndApprovalThenClosesTheCall() {
    // A chair opens the call; the GET right after the 201 sees it.
    HttpResponse<String> opened =
        post(
            "/api/v1/processes",
            reviewer("ITU"),
            Map.of(
                "id", "gdc-2023",
                "title", "UNGIS joint input to the Global Digital Compact",
                "description", "Inputs of UNGIS members to the GDC consultations",
                "deadline", DEADLINE.toString()));
    assertThat(opened.statusCode()).isEqualTo(201);
    assertThat(opened.headers().firstValue("Location")).contains("/api/v1/processes/gdc-2023");
    JsonNode call = json(get("/api/v1/processes/gdc-2023"));
    assertThat(call.path("status").asString()).isEqualTo("OPEN");
    assertThat(call.path("requiredApprovals").asInt()).isEqualTo(1);
    assertThat(json(get("/api/v1/processes")).findValuesAsString("id")).contains("gdc-2023");

    // An agency's token may not; the same id twice conflicts; no token is 401.
    HttpResponse<String> notChair =
        post(
            "/api/v1/processes",
            agency("FAO"),
            Map.of("id", "gdc-2023-fao", "title", "t", "deadline", DEADLINE.toString()));
    assertProblem(notChair, 403, "forbidden");
    assertProblem(
        post(
            "/api/v1/processes",
            reviewer("UNDP"),
            Map.of("id", "gdc-2023", "title", "t", "deadline", DEADLINE.toString())),
        409,
        "conflict");
    assertProblem(send("POST", "/api/v1/processes", null, "{}"), 401, "unauthorized");
    assertProblem(
        post(
            "/api/v1/processes",
            reviewer("ITU"),
            Map.of("id", "Bad Id", "title", "t", "deadline", DEADLINE.toString())),
        400,
        "validation");

    // FAO submits (as contributions-service would): it enters the queue.
    String fao = UUID.randomUUID().toString();
    produce(TestEvents.submitted(fao, "gdc-2023", "FAO", "Sustainable food systems", NOW));
    JsonNode entry = awaitQueueEntry("gdc-2023", "PENDING", fao, 1);
    assertThat(entry.path("agency").asString()).isEqualTo("FAO");
    assertThat(entry.path("title").asString()).isEqualTo("Sustainable food systems");
    assertThat(entry.path("submittedAt").asString()).isEqualTo(NOW.toString());

    // The chair requests changes: it leaves the pending queue at once.
    HttpResponse<String> changes =
        decide(fao, reviewer("ITU"), 1, "CHANGES_REQUESTED", "Please add the SDGs addressed");
    assertThat(changes.statusCode()).isEqualTo(201);
    assertThat(changes.headers().firstValue("Location").orElseThrow())
        .startsWith("/api/v1/reviews/" + fao + "/decisions/");
    assertThat(json(changes).path("outcome").asString()).isEqualTo("CHANGES_REQUESTED");
    assertThat(
            json(get("/api/v1/reviews?process=gdc-2023&status=PENDING"))
                .findValuesAsString("contributionId"))
        .doesNotContain(fao);
    assertThat(queueEntry("gdc-2023", "DECIDED", fao).path("status").asString())
        .isEqualTo("CHANGES_REQUESTED");

    // FAO revises: revision 2 re-enters the queue.
    Instant revisedAt = NOW.plusSeconds(86_400);
    produce(
        TestEvents.revised(
            fao, "gdc-2023", "FAO", 2, "Sustainable food systems (SDG 2)", revisedAt));
    // The GET with ?revision= waits (bounded) until the view has that revision.
    entry = json(get("/api/v1/reviews/" + fao + "?revision=2"));
    assertThat(entry.path("revision").asInt()).isEqualTo(2);
    assertThat(entry.path("status").asString()).isEqualTo("SUBMITTED");
    assertThat(entry.path("submittedAt").asString()).isEqualTo(revisedAt.toString());
    assertThat(queueEntry("gdc-2023", "PENDING", fao)).isNotNull();

    // A decision on revision 1 is stale now; a vice-chair approves revision 2.
    assertProblem(decide(fao, reviewer("UNDP"), 1, "APPROVED", null), 409, "stale-revision");
    HttpResponse<String> approved = decide(fao, reviewer("UNESCO"), 2, "APPROVED", null);
    assertThat(approved.statusCode()).isEqualTo(201);
    JsonNode decision = json(approved);
    assertThat(decision.path("outcome").asString()).isEqualTo("APPROVED");
    assertThat(decision.path("reviewer").path("role").asString()).isEqualTo("VICE_CHAIR");
    assertThat(
            json(get(approved.headers().firstValue("Location").orElseThrow()))
                .path("decision")
                .asString())
        .isEqualTo("APPROVED");
    assertProblem(decide(fao, reviewer("ITU"), 2, "APPROVED", null), 409, "conflict");

    // The history shows every decision and every refused attempt, marked.
    JsonNode history = json(get("/api/v1/reviews/" + fao + "/decisions"));
    assertThat(history.findValuesAsString("decision"))
        .containsExactly("CHANGES_REQUESTED", "APPROVED", "APPROVED", "APPROVED");
    assertThat(
            StreamSupport.stream(history.spliterator(), false)
                .map(h -> h.path("refused").asBoolean()))
        .containsExactly(false, true, false, true);
    assertThat(history.get(1).path("reason").asString()).isEqualTo("STALE_REVISION");
    assertThat(history.get(3).path("reason").asString()).isEqualTo("ALREADY_DECIDED");
    // Stale as contributions-service says it: about a revision older than the current one.
    assertThat(
            StreamSupport.stream(history.spliterator(), false)
                .map(h -> h.path("stale").asBoolean()))
        .containsExactly(true, true, false, false);

    // The chair closes the call; closing again conflicts; nothing more is decided in it.
    HttpResponse<String> closed =
        post("/api/v1/processes/gdc-2023/closure", reviewer("ITU"), Map.of());
    assertThat(closed.statusCode()).isEqualTo(200);
    assertThat(json(get("/api/v1/processes/gdc-2023")).path("status").asString())
        .isEqualTo("CLOSED");
    assertProblem(
        post("/api/v1/processes/gdc-2023/closure", reviewer("ITU"), Map.of()), 409, "call-closed");

    // What other services see on the topics, read by a plain consumer.
    List<CallForInputsEvent> gdc =
        consume(Topics.PROCESSES.name(), CallForInputsEvent.class, 2).stream()
            .filter(c -> c.getProcessId().equals("gdc-2023"))
            .toList();
    assertThat(gdc)
        .extracting(CallForInputsEvent::getChange)
        .containsExactly(CallChange.OPENED, CallChange.CLOSED);
    assertThat(gdc)
        .extracting(CallForInputsEvent::getStatus)
        .containsExactly(CallStatus.OPEN, CallStatus.CLOSED);
    assertThat(gdc.get(0).getActor().getAgency()).isEqualTo("ITU");
    assertThat(gdc.get(1).getTitle()).isEqualTo("UNGIS joint input to the Global Digital Compact");

    List<ReviewEvent> reviews =
        consume(Topics.REVIEWS.name(), ReviewEvent.class, 4).stream()
            .filter(r -> r.getContributionId().equals(fao))
            .toList();
    assertThat(reviews).hasSize(4);
    assertThat(reviews.get(0).getPayload())
        .isInstanceOfSatisfying(
            DecisionRecorded.class,
            d -> {
              assertThat(d.getDecision()).isEqualTo(Decision.CHANGES_REQUESTED);
              assertThat(d.getComment()).isEqualTo("Please add the SDGs addressed");
              assertThat(d.getOutcome()).isEqualTo(Decision.CHANGES_REQUESTED);
            });
    assertThat(reviews.get(1).getPayload())
        .isInstanceOfSatisfying(
            DecisionRefused.class, d -> assertThat(d.getReason()).isEqualTo("STALE_REVISION"));
    assertThat(reviews.get(2).getRevision()).isEqualTo(2);
    assertThat(reviews.get(2).getAgency()).isEqualTo("FAO");
    assertThat(reviews.get(2).getActor().getAgency()).isEqualTo("UNESCO");
    assertThat(reviews.get(2).getPayload())
        .isInstanceOfSatisfying(
            DecisionRecorded.class, d -> assertThat(d.getOutcome()).isEqualTo(Decision.APPROVED));
  }

  @Test
  void prometheusCountsDecisionsAndShowsTheStreamsConsumerLag() {
    assertThat(
            post(
                    "/api/v1/processes",
                    reviewer("ITU"),
                    Map.of(
                        "id", "metrics-2026", "title", "Metrics", "deadline", DEADLINE.toString()))
                .statusCode())
        .isEqualTo(201);
    String fao = UUID.randomUUID().toString();
    produce(TestEvents.submitted(fao, "metrics-2026", "FAO", "Counted", NOW));
    awaitQueueEntry("metrics-2026", "PENDING", fao, 1);
    assertThat(decide(fao, reviewer("ITU"), 1, "APPROVED", null).statusCode()).isEqualTo(201);

    assertProblem(
        send("GET", "/actuator/prometheus", null, null, Map.of("Accept", "text/plain")),
        401,
        "unauthorized");
    String operations = mint(SIGNING_KEY, c -> c.claim("scope", "operations.read"));
    HttpResponse<String> scrape =
        send("GET", "/actuator/prometheus", operations, null, Map.of("Accept", "text/plain"));

    assertThat(scrape.statusCode()).isEqualTo(200);
    List<String> lines = scrape.body().lines().toList();
    assertThat(lines)
        .filteredOn(l -> l.startsWith("ungis_decisions_total{"))
        .filteredOn(l -> l.contains("decision=\"APPROVED\"") && l.contains("outcome=\"APPROVED\""))
        .singleElement()
        .satisfies(l -> assertThat(sampleValue(l)).isGreaterThanOrEqualTo(1.0));
    assertThat(lines)
        .filteredOn(l -> l.startsWith("ungis_calls_opened_total"))
        .singleElement()
        .satisfies(l -> assertThat(sampleValue(l)).isGreaterThanOrEqualTo(1.0));
    assertThat(lines).anyMatch(l -> l.startsWith("kafka_consumer_fetch_manager_records_lag_max{"));
  }

  @Test
  void theServedOpenApiDescriptionIsTheCommittedOne() throws Exception {
    HttpResponse<String> docs = get("/v3/api-docs", null);

    assertThat(docs.statusCode()).isEqualTo(200);
    OpenApiSnapshot.assertMatchesCommitted("review-service", ReviewServiceIT.class, docs.body());
  }

  static double sampleValue(String prometheusLine) {
    return Double.parseDouble(prometheusLine.substring(prometheusLine.lastIndexOf(' ') + 1));
  }

  @Test
  void twoReviewersDecidingOneRevisionAtOnceGetExactlyOne201AndOne409() throws Exception {
    assertThat(
            post(
                    "/api/v1/processes",
                    reviewer("UNDP"),
                    Map.of(
                        "id",
                        "hlpf-2023",
                        "title",
                        "Input to HLPF 2023",
                        "deadline",
                        DEADLINE.toString()))
                .statusCode())
        .isEqualTo(201);
    String who = UUID.randomUUID().toString();
    produce(TestEvents.submitted(who, "hlpf-2023", "WHO", "Digital health", NOW));
    awaitQueueEntry("hlpf-2023", "PENDING", who, 1);

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<HttpResponse<String>>> both =
          List.of(
              () -> {
                start.await();
                return decide(who, reviewer("ITU"), 1, "APPROVED", null);
              },
              () -> {
                start.await();
                return decide(who, reviewer("UNDP"), 1, "REJECTED", "Out of scope");
              });
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (Callable<HttpResponse<String>> c : both) {
        answers.add(pool.submit(c));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> a : answers) {
        statuses.add(a.get().statusCode());
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdownNow();
    }

    JsonNode history = json(get("/api/v1/reviews/" + who + "/decisions"));
    assertThat(
            StreamSupport.stream(history.spliterator(), false)
                .filter(h -> !h.path("refused").asBoolean()))
        .hasSize(1);
    assertThat(queueEntry("hlpf-2023", "DECIDED", who)).isNotNull();
  }

  @Test
  void theRulesOfReviewRefuseAndAuditOffRotaReviewersAndRecusal() {
    assertThat(
            post(
                    "/api/v1/processes",
                    reviewer("ITU"),
                    Map.of(
                        "id",
                        "ecosoc-pf-2023",
                        "title",
                        "ECOSOC Partnership Forum side event",
                        "deadline",
                        DEADLINE.toString(),
                        "requiredApprovals",
                        2))
                .statusCode())
        .isEqualTo(201);
    String itu = UUID.randomUUID().toString();
    produce(TestEvents.submitted(itu, "ecosoc-pf-2023", "ITU", "Connectivity", NOW));
    awaitQueueEntry("ecosoc-pf-2023", "PENDING", itu, 1);

    HttpResponse<String> offRota = decide(itu, reviewer("UNESCWA"), 1, "APPROVED", null);
    assertProblem(offRota, 403, "forbidden");
    assertThat(json(offRota).path("reason").asString()).isEqualTo("NOT_ON_ROTA");
    HttpResponse<String> recusal = decide(itu, reviewer("ITU"), 1, "APPROVED", null);
    assertProblem(recusal, 403, "forbidden");
    assertThat(json(recusal).path("reason").asString()).isEqualTo("RECUSAL");
    assertProblem(decide(itu, reviewer("UNDP"), 1, "REJECTED", " "), 400, "validation");

    // Both refusals are audit events naming the reviewer from the token and the role.
    List<DecisionRefused> refusals = new ArrayList<>();
    List<ReviewEvent> audit =
        consume(Topics.REVIEWS.name(), ReviewEvent.class, 2).stream()
            .filter(r -> r.getContributionId().equals(itu))
            .toList();
    assertThat(audit).hasSize(2);
    audit.forEach(r -> refusals.add((DecisionRefused) r.getPayload()));
    assertThat(refusals)
        .extracting(DecisionRefused::getReason)
        .containsExactly("NOT_ON_ROTA", "RECUSAL");
    assertThat(audit.get(0).getActor().getPrincipal()).isEqualTo("reviewer-1@unescwa.int");
    assertThat(audit.get(1).getActor().getAgency()).isEqualTo("ITU");
    assertThat(audit.get(1).getActor().getPrincipal()).isEqualTo("reviewer-1@itu.int");
    assertThat(audit.get(1).getActor().getRole()).isEqualTo(ActorRole.CHAIR);
    assertThat(audit.get(1).getAgency()).isEqualTo("ITU");

    // In 2025 the rota changed: UNESCWA is a vice-chair, UNESCAP no longer is.
    ((MutableClock) clock).set(Instant.parse("2025-02-01T09:00:00Z"));
    assertThat(decide(itu, reviewer("UNESCWA"), 1, "APPROVED", null).statusCode()).isEqualTo(201);
    assertThat(json(get("/api/v1/reviews/" + itu)).path("approvals").toString())
        .isEqualTo("[\"UNESCWA\"]");
    assertThat(queueEntry("ecosoc-pf-2023", "PENDING", itu).path("approvals").toString())
        .isEqualTo("[\"UNESCWA\"]");
    assertProblem(decide(itu, reviewer("UNESCAP"), 1, "APPROVED", null), 403, "forbidden");
    HttpResponse<String> second = decide(itu, reviewer("UNCTAD"), 1, "APPROVED", null);
    assertThat(json(second).path("outcome").asString()).isEqualTo("APPROVED");

    JsonNode history = json(get("/api/v1/reviews/" + itu + "/decisions"));
    assertThat(
            StreamSupport.stream(history.spliterator(), false)
                .filter(h -> h.path("refused").asBoolean())
                .map(h -> h.path("reason").asString()))
        .containsExactly("NOT_ON_ROTA", "RECUSAL", "NOT_ON_ROTA");
    assertThat(history.findValuesAsString("outcome")).contains("APPROVED");
  }

  @Test
  void aChairGrantsOneAgencyAnExtension() {
    assertThat(
            post(
                    "/api/v1/processes",
                    reviewer("UNDP"),
                    Map.of("id", "igf-2023", "title", "IGF 2023", "deadline", DEADLINE.toString()))
                .statusCode())
        .isEqualTo(201);
    Instant later = DEADLINE.plusSeconds(7 * 86_400);
    assertProblem(
        post(
            "/api/v1/processes/igf-2023/extensions",
            reviewer("UNESCO"),
            Map.of("agency", "ILO", "deadline", later.toString(), "reason", "r")),
        403,
        "forbidden");
    HttpResponse<String> granted =
        post(
            "/api/v1/processes/igf-2023/extensions",
            reviewer("UNDP"),
            Map.of(
                "agency", "ILO", "deadline", later.toString(), "reason", "Governing Body session"));
    assertThat(granted.statusCode()).isEqualTo(201);
    JsonNode extensions = json(get("/api/v1/processes/igf-2023")).path("extensions");
    assertThat(extensions.get(0).path("agency").asString()).isEqualTo("ILO");
    assertThat(extensions.get(0).path("deadline").asString()).isEqualTo(later.toString());
    assertThat(
            json(get(granted.headers().firstValue("Location").orElseThrow()))
                .path("reason")
                .asString())
        .isEqualTo("Governing Body session");

    // The snapshot other services read: the extension, granted by the chair named in the token.
    CallForInputsEvent snapshot =
        consume(Topics.PROCESSES.name(), CallForInputsEvent.class, 1).stream()
            .filter(c -> c.getProcessId().equals("igf-2023"))
            .filter(c -> c.getChange() == CallChange.EXTENSION_GRANTED)
            .findFirst()
            .orElseThrow();
    assertThat(snapshot.getExtensions()).hasSize(1);
    assertThat(snapshot.getExtensions().get(0).getAgency()).isEqualTo("ILO");
    assertThat(snapshot.getExtensions().get(0).getDeadline()).isEqualTo(later);
    assertThat(snapshot.getActor().getAgency()).isEqualTo("UNDP");
    assertThat(snapshot.getActor().getPrincipal()).isEqualTo("reviewer-1@undp.int");
    assertThat(snapshot.getActor().getRole()).isEqualTo(ActorRole.CHAIR);

    // After the call's deadline, within its extension, ILO submits (contributions-service
    // accepts it on this snapshot): the late input is reviewed like any other.
    Instant afterDeadline = DEADLINE.plusSeconds(86_400);
    ((MutableClock) clock).set(afterDeadline);
    String ilo = UUID.randomUUID().toString();
    produce(TestEvents.submitted(ilo, "igf-2023", "ILO", "Decent work online", afterDeadline));
    awaitQueueEntry("igf-2023", "PENDING", ilo, 1);
    HttpResponse<String> approved = decide(ilo, reviewer("UNESCO"), 1, "APPROVED", null);
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    assertThat(json(approved).path("outcome").asString()).isEqualTo("APPROVED");
  }

  @Test
  void theChairSetsTheJointInputsSymbolLanguageFramingAndRuleOnWithdrawalsAfterClosure() {
    HttpResponse<String> opened =
        post(
            "/api/v1/processes",
            reviewer("UNDP"),
            Map.of(
                "id", "wsis-doc-2023",
                "title", "WSIS Forum 2023",
                "deadline", DEADLINE.toString(),
                "symbol", "UNGIS/2023/WSIS/1",
                "language", "fr"));
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    JsonNode document = json(opened).path("document");
    assertThat(document.path("symbol").asString()).isEqualTo("UNGIS/2023/WSIS/1");
    assertThat(document.path("language").asString()).isEqualTo("FR");
    assertThat(document.path("withdrawalAfterClosure").asString()).isEqualTo("REFUSED");
    assertProblem(
        post(
            "/api/v1/processes",
            reviewer("UNDP"),
            Map.of(
                "id", "wsis-doc-2023-bis",
                "title", "t",
                "deadline", DEADLINE.toString(),
                "symbol", "UNGIS/2023/WSIS/1")),
        409,
        "symbol-exists");

    String framing = "/api/v1/processes/wsis-doc-2023/framing";
    assertForbidden(
        send(
            "PUT",
            framing,
            reviewer("UNESCO"),
            JSON.writeValueAsString(Map.of("introduction", "x"))),
        "NOT_CHAIR");
    HttpResponse<String> framed =
        send(
            "PUT",
            framing,
            reviewer("UNDP"),
            JSON.writeValueAsString(
                Map.of("introduction", "Le GNUSI présente.", "conclusion", "Fin.")));
    assertThat(framed.statusCode()).as(framed.body()).isEqualTo(200);
    assertThat(json(framed).path("document").path("introduction").asString())
        .isEqualTo("Le GNUSI présente.");
    assertProblem(
        send(
            "PUT",
            "/api/v1/processes/wsis-doc-2023/document",
            reviewer("UNDP"),
            JSON.writeValueAsString(Map.of("language", "DE"))),
        400,
        "validation");
    HttpResponse<String> rule =
        send(
            "PUT",
            "/api/v1/processes/wsis-doc-2023/document",
            reviewer("UNDP"),
            JSON.writeValueAsString(Map.of("withdrawalAfterClosure", "CORRIGENDUM")));
    assertThat(rule.statusCode()).as(rule.body()).isEqualTo(200);

    // What contributions-service and publication-service read: the whole call, with its document.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              CallForInputsEvent snapshot =
                  consume(Topics.PROCESSES.name(), CallForInputsEvent.class, 1).stream()
                      .filter(c -> c.getProcessId().equals("wsis-doc-2023"))
                      .filter(c -> c.getChange() == CallChange.UPDATED)
                      .reduce((a, b) -> b)
                      .orElseThrow();
              assertThat(snapshot.getSymbol()).isEqualTo("UNGIS/2023/WSIS/1");
              assertThat(snapshot.getRecordLanguage().name()).isEqualTo("FR");
              assertThat(snapshot.getIntroduction()).isEqualTo("Le GNUSI présente.");
              assertThat(snapshot.getWithdrawalAfterClosure().name()).isEqualTo("CORRIGENDUM");
              assertThat(snapshot.getActor().getRole()).isEqualTo(ActorRole.CHAIR);
            });
  }

  @Test
  void theQueueAndTheCallsArePagedFilteredAndOrderedByTheNearestDeadline() {
    Instant sooner = DEADLINE.minusSeconds(30 * 86_400);
    for (Map<String, Object> open :
        List.<Map<String, Object>>of(
            Map.of("id", "later-2023", "title", "Later", "deadline", DEADLINE.toString()),
            Map.of("id", "sooner-2023", "title", "Sooner", "deadline", sooner.toString()),
            Map.of("id", "shut-2023", "title", "Shut", "deadline", sooner.toString()))) {
      assertThat(post("/api/v1/processes", reviewer("ITU"), open).statusCode()).isEqualTo(201);
    }
    assertThat(post("/api/v1/processes/shut-2023/closure", reviewer("ITU"), Map.of()).statusCode())
        .isEqualTo(200);

    List<String> open =
        json(get("/api/v1/processes?status=OPEN&size=100"))
            .path("items")
            .valueStream()
            .map(c -> c.path("id").asString())
            .toList();
    assertThat(open).contains("sooner-2023", "later-2023").doesNotContain("shut-2023");
    assertThat(open.indexOf("sooner-2023")).isLessThan(open.indexOf("later-2023"));
    JsonNode closed = json(get("/api/v1/processes?status=closed&size=100"));
    assertThat(closed.path("items").findValuesAsString("id")).contains("shut-2023");
    assertThat(closed.path("items").findValuesAsString("status")).containsOnly("CLOSED");
    JsonNode firstOfOne = json(get("/api/v1/processes?size=1"));
    assertThat(firstOfOne.path("items")).hasSize(1);
    assertThat(firstOfOne.path("page").path("totalElements").asLong())
        .isEqualTo(firstOfOne.path("page").path("totalPages").asLong())
        .isGreaterThanOrEqualTo(3);

    // UPU submits to the later call first, then to the sooner one: the sooner deadline leads.
    String toLater = UUID.randomUUID().toString();
    String toSooner = UUID.randomUUID().toString();
    produce(TestEvents.submitted(toLater, "later-2023", "UPU", "First in", NOW.minusSeconds(60)));
    produce(TestEvents.submitted(toSooner, "sooner-2023", "UPU", "Second in", NOW));
    awaitQueueEntry("sooner-2023", "PENDING", toSooner, 1);
    awaitQueueEntry("later-2023", "PENDING", toLater, 1);
    JsonNode queue = json(get("/api/v1/reviews?agency=UPU"));
    assertThat(queue.path("items").findValuesAsString("contributionId"))
        .containsExactly(toSooner, toLater);
    assertThat(queue.path("items").get(0).path("deadline").asString()).isEqualTo(sooner.toString());
    JsonNode second = json(get("/api/v1/reviews?agency=upu&status=PENDING&size=1&page=1"));
    assertThat(second.path("items").findValuesAsString("contributionId")).containsExactly(toLater);
    assertThat(second.path("page").path("totalElements").asLong()).isEqualTo(2);
    assertThat(second.path("page").path("totalPages").asInt()).isEqualTo(2);
    assertThat(json(get("/api/v1/reviews?agency=UPU&process=later-2023")).path("items")).hasSize(1);
    assertThat(json(get("/api/v1/reviews?agency=UPU&status=DECIDED")).path("items")).isEmpty();

    assertParameterProblem(get("/api/v1/reviews?status=bogus"), "invalid-parameter", "status");
    assertParameterProblem(get("/api/v1/reviews?size=0"), "invalid-parameter", "size");
    assertParameterProblem(get("/api/v1/reviews?size=101"), "invalid-parameter", "size");
    assertParameterProblem(get("/api/v1/reviews?page=-1"), "invalid-parameter", "page");
    assertParameterProblem(get("/api/v1/reviews?call=gdc-2023"), "unknown-parameter", "call");
    assertParameterProblem(get("/api/v1/processes?status=bogus"), "invalid-parameter", "status");
    assertParameterProblem(get("/api/v1/processes?state=OPEN"), "unknown-parameter", "state");
    assertParameterProblem(get("/api/v1/processes?size=x"), "invalid-parameter", "size");
  }

  static void assertParameterProblem(HttpResponse<String> response, String slug, String name) {
    assertProblem(response, 400, slug);
    assertThat(json(response).path("parameter").asString()).isEqualTo(name);
    assertThat(json(response).path("errors").get(0).path("field").asString()).isEqualTo(name);
  }

  @Test
  void anUndecodableContributionGoesToTheDeadLetterTopicAndTheServiceGoesOn() {
    byte[] garbage = "{\"not\": \"avro\"}".getBytes(StandardCharsets.UTF_8);
    String poisonKey = "poison-" + UUID.randomUUID();
    produceRaw(Topics.CONTRIBUTIONS.name(), poisonKey, garbage);

    assertThat(
            post(
                    "/api/v1/processes",
                    reviewer("ITU"),
                    Map.of(
                        "id",
                        "wsis-2023",
                        "title",
                        "WSIS Forum 2023",
                        "deadline",
                        DEADLINE.toString()))
                .statusCode())
        .isEqualTo(201);
    String ilo = UUID.randomUUID().toString();
    produce(TestEvents.submitted(ilo, "wsis-2023", "ILO", "Decent work", NOW));
    awaitQueueEntry("wsis-2023", "PENDING", ilo, 1);

    ConsumerRecord<byte[], byte[]> letter =
        awaitDeadLetter(Topics.CONTRIBUTIONS.deadLetterTopic(), poisonKey);
    assertThat(letter.value()).isEqualTo(garbage);
    assertThat(
            new String(
                letter.headers().lastHeader("kafka_dlt-original-topic").value(),
                StandardCharsets.UTF_8))
        .isEqualTo(Topics.CONTRIBUTIONS.name());
    assertThat(letter.headers().lastHeader("kafka_dlt-exception-message")).isNotNull();
  }

  @Test
  void withItsStateDeletedTheServiceRebuildsTheSameAnswersFromTheTopics() throws Exception {
    assertThat(
            post(
                    "/api/v1/processes",
                    reviewer("UNDP"),
                    Map.of(
                        "id",
                        "ldc5-2023",
                        "title",
                        "LDC5",
                        "deadline",
                        DEADLINE.toString(),
                        "requiredApprovals",
                        2))
                .statusCode())
        .isEqualTo(201);
    String unido = UUID.randomUUID().toString();
    produce(TestEvents.submitted(unido, "ldc5-2023", "UNIDO", "Industrial policy", NOW));
    awaitQueueEntry("ldc5-2023", "PENDING", unido, 1);
    String decisions = "/api/v1/reviews/" + unido + "/decisions";
    Map<String, Object> approve = Map.of("revision", 1, "decision", "APPROVED");
    HttpResponse<String> first =
        postWithKey(decisions, reviewer("ITU"), "itu-approves-unido", approve);
    assertThat(first.statusCode()).isEqualTo(201);
    assertProblem(decide(unido, agency("UNIDO"), 1, "APPROVED", null), 403, "forbidden");

    List<String> paths =
        List.of(
            "/api/v1/processes",
            "/api/v1/reviews?status=PENDING",
            "/api/v1/reviews?status=DECIDED",
            "/api/v1/reviews/" + unido + "/decisions");
    List<String> before = paths.stream().map(p -> get(p).body()).toList();

    streams.stop();
    assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
    assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    try (var files = Files.walk(stateDir)) {
      files
          .sorted(java.util.Comparator.reverseOrder())
          .filter(f -> !f.equals(stateDir))
          .forEach(f -> f.toFile().delete());
    }
    assertThat(stateDir).isEmptyDirectory();
    streams.start();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> get("/actuator/health/readiness").statusCode() == 200);

    List<String> after = paths.stream().map(p -> get(p).body()).toList();
    for (int i = 0; i < paths.size(); i++) {
      assertThat(JSON.readTree(after.get(i)))
          .as(paths.get(i))
          .isEqualTo(JSON.readTree(before.get(i)));
    }
  }

  @Test
  void aRetriedPostWithTheSameIdempotencyKeyReturnsTheOriginalAndWritesNothing() {
    Map<String, Object> open =
        Map.of("id", "wsis20-2023", "title", "WSIS+20 review", "deadline", DEADLINE.toString());
    HttpResponse<String> opened =
        postWithKey("/api/v1/processes", reviewer("ITU"), "open-wsis20", open);
    assertThat(opened.statusCode()).isEqualTo(201);
    HttpResponse<String> again =
        postWithKey("/api/v1/processes", reviewer("ITU"), "open-wsis20", open);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(again.headers().firstValue("Location")).contains("/api/v1/processes/wsis20-2023");

    String unu = UUID.randomUUID().toString();
    produce(TestEvents.submitted(unu, "wsis20-2023", "UNU", "Research on WSIS", NOW));
    awaitQueueEntry("wsis20-2023", "PENDING", unu, 1);
    String decisions = "/api/v1/reviews/" + unu + "/decisions";
    Map<String, Object> changes =
        Map.of("revision", 1, "decision", "CHANGES_REQUESTED", "comment", "Add references");
    HttpResponse<String> decided = postWithKey(decisions, reviewer("UNDP"), "undp-1", changes);
    assertThat(decided.statusCode()).isEqualTo(201);
    HttpResponse<String> retried = postWithKey(decisions, reviewer("UNDP"), "undp-1", changes);
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Location"))
        .isEqualTo(decided.headers().firstValue("Location"));
    assertThat(JSON.readTree(retried.body())).isEqualTo(JSON.readTree(decided.body()));

    HttpResponse<String> otherBody =
        postWithKey(
            decisions, reviewer("UNDP"), "undp-1", Map.of("revision", 1, "decision", "APPROVED"));
    assertProblem(otherBody, 422, "idempotency-key-reused");
    // the same key of another agency is another key
    assertProblem(
        postWithKey(
            decisions, reviewer("ITU"), "undp-1", Map.of("revision", 1, "decision", "APPROVED")),
        409,
        "conflict");
    assertThat(json(get(decisions))).hasSize(2);

    // A decision on a revision that the view has not read yet waits for it instead of refusing.
    produce(TestEvents.revised(unu, "wsis20-2023", "UNU", 2, "Research on WSIS (rev.)", NOW));
    HttpResponse<String> onNewRevision = decide(unu, reviewer("ITU"), 2, "APPROVED", null);
    assertThat(onNewRevision.statusCode()).as(onNewRevision.body()).isEqualTo(201);
    assertThat(json(onNewRevision).path("revision").asInt()).isEqualTo(2);
  }

  @Test
  void everyEndpointAllowsItsRoleAndRefusesTheOthers() {
    // An AGENCY token of UNESCO (an agency whose reviewers are on the rota) with every scope: the
    // token's role counts, whatever its scopes.
    String intake =
        mint(
            SIGNING_KEY,
            c ->
                c.subject("unesco-intake")
                    .claim("agency", "UNESCO")
                    .claim("principal", "intake@unesco.int")
                    .claim("roles", List.of("AGENCY")));
    Map<String, Object> call =
        Map.of("id", "roles-2023", "title", "Roles", "deadline", DEADLINE.toString());
    assertForbidden(post("/api/v1/processes", intake, call), "NOT_A_REVIEWER");
    assertForbidden(post("/api/v1/processes", reviewer("UNESCWA"), call), "NOT_ON_ROTA");
    assertThat(post("/api/v1/processes", reviewer("ITU"), call).statusCode()).isEqualTo(201);

    // Calls are read with processes.read, which intake clients and reviewers have.
    for (String token : List.of(intake, agency("ILO"), reviewer("UNESCO"))) {
      assertThat(get("/api/v1/processes", token).statusCode()).isEqualTo(200);
      assertThat(json(get("/api/v1/processes/roles-2023", token)).path("status").asString())
          .isEqualTo("OPEN");
    }

    String extensions = "/api/v1/processes/roles-2023/extensions";
    Map<String, Object> extension =
        Map.of("agency", "ILO", "deadline", DEADLINE.plusSeconds(86_400).toString(), "reason", "r");
    assertForbidden(post(extensions, intake, extension), "NOT_A_REVIEWER");
    assertForbidden(post(extensions, reviewer("UNESCO"), extension), "NOT_CHAIR");
    assertThat(post(extensions, reviewer("ITU"), extension).statusCode()).isEqualTo(201);
    assertThat(get(extensions + "/ILO", agency("ILO")).statusCode()).isEqualTo(200);

    String ilo = UUID.randomUUID().toString();
    produce(TestEvents.submitted(ilo, "roles-2023", "ILO", "Decent work online", NOW));
    awaitQueueEntry("roles-2023", "PENDING", ilo, 1);
    String decisions = "/api/v1/reviews/" + ilo + "/decisions";
    for (String path :
        List.of("/api/v1/reviews?process=roles-2023", "/api/v1/reviews/" + ilo, decisions)) {
      assertInsufficientScope(get(path, agency("ILO")));
      assertForbidden(get(path, intake), "NOT_A_REVIEWER");
      assertThat(get(path, reviewer("UNESCO")).statusCode()).as(path).isEqualTo(200);
    }
    assertInsufficientScope(decide(ilo, agency("ILO"), 1, "APPROVED", null));
    assertInsufficientScope(post("/api/v1/processes", agency("ILO"), call));
    assertForbidden(decide(ilo, intake, 1, "APPROVED", null), "NOT_A_REVIEWER");

    // A body and headers naming another agency change nothing: the token says who acts.
    Map<String, Object> body =
        Map.of(
            "revision",
            1,
            "decision",
            "APPROVED",
            "agency",
            "UNCTAD",
            "reviewer",
            Map.of("agency", "UNCTAD", "principal", "chair@unctad.org"));
    HttpResponse<String> approved =
        send(
            "POST",
            decisions,
            reviewer("UNESCO"),
            JSON.writeValueAsString(body),
            Map.of("X-Ungis-Agency", "UNCTAD", "X-Ungis-Principal", "chair@unctad.org"));
    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    JsonNode by = json(approved).path("reviewer");
    assertThat(by.path("agency").asString()).isEqualTo("UNESCO");
    assertThat(by.path("principal").asString()).isEqualTo("reviewer-1@unesco.int");
    assertThat(by.path("role").asString()).isEqualTo("VICE_CHAIR");
    String location = approved.headers().firstValue("Location").orElseThrow();
    assertInsufficientScope(get(location, agency("ILO")));
    assertForbidden(get(location, intake), "NOT_A_REVIEWER");
    assertThat(get(location, reviewer("UNESCO")).statusCode()).isEqualTo(200);
    // Refused agency tokens are not attempts at a decision: the history holds the approval only.
    assertThat(json(get(decisions))).hasSize(1);

    String closure = "/api/v1/processes/roles-2023/closure";
    assertForbidden(post(closure, intake, Map.of()), "NOT_A_REVIEWER");
    assertThat(post(closure, reviewer("UNESCO"), Map.of()).statusCode()).isEqualTo(200);
  }

  static final String INTERNAL_SECRET = "review-it-internal-secret";

  @Test
  void withOneInstanceABodyOverTheLimitIs413AndLongFreeTextIs400NamingTheField() {
    Map<String, Object> call =
        Map.of("id", "limits-2023", "title", "Limits", "deadline", DEADLINE.toString());
    assertThat(post("/api/v1/processes", reviewer("ITU"), call).statusCode()).isEqualTo(201);
    String fao = UUID.randomUUID().toString();
    produce(TestEvents.submitted(fao, "limits-2023", "FAO", "Limited", NOW));
    awaitQueueEntry("limits-2023", "PENDING", fao, 1);

    String decisions = "/api/v1/reviews/" + fao + "/decisions";
    assertProblem(
        decide(fao, reviewer("ITU"), 1, "REJECTED", "c".repeat(1_000_000)),
        413,
        "payload-too-large");
    HttpResponse<String> longComment =
        decide(
            fao,
            reviewer("ITU"),
            1,
            "REJECTED",
            "c".repeat(org.ungis.review.review.ReviewItem.MAX_COMMENT + 1));
    assertProblem(longComment, 400, "validation");
    assertThat(longComment.body()).contains("comment");
    HttpResponse<String> longReason =
        post(
            "/api/v1/processes/limits-2023/extensions",
            reviewer("ITU"),
            Map.of(
                "agency",
                "FAO",
                "deadline",
                DEADLINE.plusSeconds(86_400).toString(),
                "reason",
                "r".repeat(2_001)));
    assertProblem(longReason, 400, "validation");
    assertThat(longReason.body()).contains("reason");
    assertThat(json(get(decisions))).isEmpty();
  }

  @Test
  void theInternalEndpointAnswersOnlyPlatformInstancesAndABadParameterIs400() {
    String share = "/internal/v1/reviews/local-queue?status=PENDING&limit=10";
    assertProblem(get(share, reviewer("ITU")), 403, "forbidden");
    assertProblem(
        send("GET", share, reviewer("ITU"), null, Map.of("X-Ungis-Internal", "guess")),
        403,
        "forbidden");
    Map<String, String> internal = Map.of("X-Ungis-Internal", INTERNAL_SECRET);
    assertThat(send("GET", share, reviewer("ITU"), null, internal).statusCode()).isEqualTo(200);
    assertProblem(
        send("GET", share.replace("PENDING", "bogus"), reviewer("ITU"), null, internal),
        400,
        "validation");
  }

  @Test
  void aReviewerTokenNarrowedToReadingCannotDecideNorOpenACall() {
    String readOnly = mint(SIGNING_KEY, c -> c.claim("scope", "processes.read reviews.read"));
    Map<String, Object> call =
        Map.of("id", "scopes-2023", "title", "Scopes", "deadline", DEADLINE.toString());
    assertInsufficientScope(post("/api/v1/processes", readOnly, call));
    assertThat(post("/api/v1/processes", reviewer("ITU"), call).statusCode()).isEqualTo(201);
    String fao = UUID.randomUUID().toString();
    produce(TestEvents.submitted(fao, "scopes-2023", "FAO", "Scoped", NOW));
    awaitQueueEntry("scopes-2023", "PENDING", fao, 1);

    assertThat(get("/api/v1/reviews/" + fao, readOnly).statusCode()).isEqualTo(200);
    assertInsufficientScope(decide(fao, readOnly, 1, "APPROVED", null));
    assertInsufficientScope(post("/api/v1/processes/scopes-2023/closure", readOnly, Map.of()));
    assertThat(json(get("/api/v1/reviews/" + fao + "/decisions"))).isEmpty();
  }

  @Test
  void peopleSignedInThroughThePortalActAsThemselvesAndTheRotaDecidesTheirRole() {
    String wei = auth().personToken("wei.zhang@itu.int"); // ITU chairs 2023-2024
    String olivier = auth().personToken("olivier.dubois@unesco.org"); // UNESCO vice-chairs
    String karim = auth().personToken("karim.mansour@un.org"); // UNESCWA: on the rota from 2025
    String lea = auth().personToken("lea.moreau@itu.int"); // a focal point of ITU
    Map<String, Object> call =
        Map.of("id", "people-2023", "title", "People", "deadline", DEADLINE.toString());

    // A focal point's token has no processes.write: refused before its role is looked at.
    assertInsufficientScope(post("/api/v1/processes", lea, call));
    assertForbidden(post("/api/v1/processes", karim, call), "NOT_ON_ROTA");
    assertThat(post("/api/v1/processes", wei, call).statusCode()).isEqualTo(201);
    String input = UUID.randomUUID().toString();
    produce(TestEvents.submitted(input, "people-2023", "ILO", "Decent work online", NOW));
    awaitQueueEntry("people-2023", "PENDING", input, 1);
    HttpResponse<String> approved = decide(input, olivier, 1, "APPROVED", null);

    assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
    JsonNode by = json(approved).path("reviewer");
    assertThat(by.path("agency").asString()).isEqualTo("UNESCO");
    assertThat(by.path("principal").asString()).isEqualTo("olivier.dubois@unesco.org");
    assertThat(by.path("role").asString()).isEqualTo("VICE_CHAIR");
  }

  @Test
  void missingExpiredForgedOrWrongAudienceTokensAre401() {
    Instant now = Instant.now();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("no token", null);
    bad.put(
        "expired",
        mint(
            SIGNING_KEY,
            c ->
                c.issueTime(Date.from(now.minus(Duration.ofHours(1))))
                    .notBeforeTime(Date.from(now.minus(Duration.ofHours(1))))
                    .expirationTime(Date.from(now.minus(Duration.ofMinutes(10))))));
    bad.put("forged", mint(rsaKeyPair(), c -> {}));
    bad.put("wrong audience", mint(SIGNING_KEY, c -> c.audience("some-other-api")));
    bad.put("other issuer", mint(SIGNING_KEY, c -> c.issuer("https://login.example.org")));
    bad.put("garbage", "not-a-jwt");
    // The same claims signed by the server's key pass: what fails below is the one thing changed.
    assertThat(get("/api/v1/reviews", mint(SIGNING_KEY, c -> {})).statusCode()).isEqualTo(200);

    Map<String, Object> call =
        Map.of("id", "nope-2023", "title", "t", "deadline", DEADLINE.toString());
    bad.forEach(
        (what, token) -> {
          for (HttpResponse<String> response :
              List.of(
                  get("/api/v1/processes", token),
                  get("/api/v1/reviews", token),
                  post("/api/v1/processes", token, call),
                  decide(UUID.randomUUID().toString(), token, 1, "APPROVED", null))) {
            assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(401);
            assertProblem(response, 401, "unauthorized");
            assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(h -> assertThat(h).startsWith("Bearer"));
          }
        });
    assertThat(json(get("/api/v1/processes", bad.get("expired"))).path("detail").asString())
        .containsIgnoringCase("expired");
    // The probes stay open.
    assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aQuorumOfTwoNeedsTwoAgenciesAndARejectionOrANewRevisionEndsTheRound() {
    Map<String, Object> call =
        Map.of(
            "id",
            "quorum-2023",
            "title",
            "Two approvals",
            "deadline",
            DEADLINE.toString(),
            "requiredApprovals",
            2);
    assertThat(post("/api/v1/processes", reviewer("UNDP"), call).statusCode()).isEqualTo(201);

    // One approval is not enough; the same agency twice counts once; a rejection ends the round.
    String rejected = UUID.randomUUID().toString();
    produce(TestEvents.submitted(rejected, "quorum-2023", "WMO", "Early warnings", NOW));
    awaitQueueEntry("quorum-2023", "PENDING", rejected, 1);
    HttpResponse<String> first = decide(rejected, reviewer("UNESCO"), 1, "APPROVED", null);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(json(first).path("outcome").isNull()).isTrue();
    assertThat(queueEntry("quorum-2023", "PENDING", rejected).path("approvals").toString())
        .isEqualTo("[\"UNESCO\"]");
    HttpResponse<String> again = decide(rejected, reviewer("UNESCO"), 1, "APPROVED", null);
    assertProblem(again, 409, "conflict");
    assertThat(json(again).path("reason").asString()).isEqualTo("AGENCY_ALREADY_APPROVED");
    HttpResponse<String> rejection =
        decide(rejected, reviewer("UNDP"), 1, "REJECTED", "Out of scope");
    assertThat(json(rejection).path("outcome").asString()).isEqualTo("REJECTED");
    HttpResponse<String> late = decide(rejected, reviewer("UNCTAD"), 1, "APPROVED", null);
    assertProblem(late, 409, "conflict");
    assertThat(json(late).path("reason").asString()).isEqualTo("ALREADY_DECIDED");
    assertThat(queueEntry("quorum-2023", "DECIDED", rejected).path("status").asString())
        .isEqualTo("REJECTED");

    // Changes requested after one approval; the new revision clears that approval; two
    // agencies approving revision 2 make it approved.
    String revised = UUID.randomUUID().toString();
    produce(TestEvents.submitted(revised, "quorum-2023", "WIPO", "Digital IP", NOW));
    awaitQueueEntry("quorum-2023", "PENDING", revised, 1);
    assertThat(decide(revised, reviewer("UNESCO"), 1, "APPROVED", null).statusCode())
        .isEqualTo(201);
    assertThat(
            json(decide(revised, reviewer("ITU"), 1, "CHANGES_REQUESTED", "Add figures"))
                .path("outcome")
                .asString())
        .isEqualTo("CHANGES_REQUESTED");
    produce(TestEvents.revised(revised, "quorum-2023", "WIPO", 2, "Digital IP (figures)", NOW));
    JsonNode revision2 = json(get("/api/v1/reviews/" + revised + "?revision=2"));
    assertThat(revision2.path("status").asString()).isEqualTo("SUBMITTED");
    assertThat(revision2.path("approvals").toString()).isEqualTo("[]");
    assertThat(
            json(decide(revised, reviewer("UNESCO"), 2, "APPROVED", null)).path("outcome").isNull())
        .isTrue();
    HttpResponse<String> quorum = decide(revised, reviewer("UNCTAD"), 2, "APPROVED", null);
    assertThat(json(quorum).path("outcome").asString()).isEqualTo("APPROVED");
    assertThat(queueEntry("quorum-2023", "DECIDED", revised).path("approvals").toString())
        .isEqualTo("[\"UNESCO\",\"UNCTAD\"]");

    // The audit trail on the topic: actor, role from the rota and principal from the token.
    List<ReviewEvent> events =
        consume(Topics.REVIEWS.name(), ReviewEvent.class, 1).stream()
            .filter(r -> r.getContributionId().equals(revised))
            .toList();
    ReviewEvent last = events.get(events.size() - 1);
    assertThat(last.getRevision()).isEqualTo(2);
    assertThat(last.getActor().getAgency()).isEqualTo("UNCTAD");
    assertThat(last.getActor().getPrincipal()).isEqualTo("reviewer-1@unctad.int");
    assertThat(last.getActor().getRole()).isEqualTo(ActorRole.VICE_CHAIR);
    assertThat(events.get(1).getActor().getRole()).isEqualTo(ActorRole.CHAIR);
    assertThat(events.get(1).getActor().getPrincipal()).isEqualTo("reviewer-1@itu.int");
  }

  // ---- helpers

  JsonNode awaitQueueEntry(String process, String status, String contributionId, int revision) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              JsonNode e = queueEntry(process, status, contributionId);
              return e != null && e.path("revision").asInt() == revision;
            });
    return queueEntry(process, status, contributionId);
  }

  JsonNode queueEntry(String process, String status, String contributionId) {
    HttpResponse<String> response = get("/api/v1/reviews?process=" + process + "&status=" + status);
    if (response.statusCode() != 200) {
      return null;
    }
    for (JsonNode e : json(response).path("items")) {
      if (e.path("contributionId").asString().equals(contributionId)) {
        return e;
      }
    }
    return null;
  }

  HttpResponse<String> decide(
      String contributionId, String token, int revision, String decision, String comment) {
    Map<String, Object> body = new HashMap<>();
    body.put("revision", revision);
    body.put("decision", decision);
    if (comment != null) {
      body.put("comment", comment);
    }
    return post("/api/v1/reviews/" + contributionId + "/decisions", token, body);
  }

  HttpResponse<String> post(String path, String token, Map<String, ?> body) {
    return send("POST", path, token, JSON.writeValueAsString(body));
  }

  HttpResponse<String> postWithKey(String path, String token, String key, Map<String, ?> body) {
    return send("POST", path, token, JSON.writeValueAsString(body), Map.of("Idempotency-Key", key));
  }

  /** A GET as the chair of 2025-2026 (a reviewer: every GET of this service is allowed). */
  HttpResponse<String> get(String path) {
    return get(path, reviewer("UNCTAD"));
  }

  HttpResponse<String> get(String path, String token) {
    return send("GET", path, token, null);
  }

  HttpResponse<String> send(String method, String path, String token, String body) {
    return send(method, path, token, body, Map.of());
  }

  HttpResponse<String> send(
      String method, String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .setHeader("Accept", "application/json, application/problem+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::setHeader);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return OpenApiContract.send("review-service", http, request.build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    return JSON.readTree(response.body());
  }

  /** Refused by the scope table before any role check: {@code insufficient_scope}. */
  static void assertInsufficientScope(HttpResponse<String> response) {
    assertProblem(response, 403, "forbidden");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("insufficient_scope");
  }

  static void assertForbidden(HttpResponse<String> response, String reason) {
    assertProblem(response, 403, "forbidden");
    assertThat(json(response).path("reason").asString()).as(response.body()).isEqualTo(reason);
  }

  static void assertProblem(HttpResponse<String> response, int status, String slug) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(response).path("type").asString())
        .isEqualTo("https://ungis.org/problems/" + slug);
  }

  void produce(ContributionEvent event) {
    TestEvents.produce(
        System.getProperty("spring.embedded.kafka.brokers"), registry().url(), event);
  }

  void produceRaw(String topic, String key, byte[] value) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers"),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  ConsumerRecord<byte[], byte[]> awaitDeadLetter(String topic, String key) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getProperty("spring.embedded.kafka.brokers"),
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    List<ConsumerRecord<byte[], byte[]>> found = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                  if (r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(key)) {
                    found.add(r);
                  }
                }
                return !found.isEmpty();
              });
    }
    return found.get(0);
  }

  <T> List<T> consume(String topic, Class<T> type, int atLeast) {
    return TestEvents.consume(
        System.getProperty("spring.embedded.kafka.brokers"),
        registry().url(),
        topic,
        type,
        atLeast);
  }
}
