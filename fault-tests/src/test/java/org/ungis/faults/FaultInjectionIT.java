package org.ungis.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.e2e.HttpJson.Response;
import org.ungis.e2e.PlatformStack;
import org.ungis.e2e.PrintLogsOnFailure;
import org.ungis.e2e.RecordTopicReader;
import org.ungis.e2e.RecordTopicReader.RebuiltRecord;
import org.ungis.e2e.ServiceProcess;
import org.ungis.e2e.WebhookReceiver;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.ops.DeadLetterReplay;
import org.ungis.reference.Roster;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.schemas.access.BrokerAccess;
import tools.jackson.databind.JsonNode;

/**
 * Delivery guarantees under faults (issue 5), against the real processes: a KRaft broker process,
 * the schema registry, the auth server and the three services, each from its exec jar. Agencies
 * submit with {@code Idempotency-Key}s through a client that retries as the READMEs say; the chair
 * approves; meanwhile publication-service and review-service are killed with SIGKILL and restarted,
 * the broker is stopped for 30 s under load and started again, and poison pills are fed to an input
 * topic. The last test reads the records topic as a subscriber would and accounts for every
 * accepted input: each approved one exactly once in the latest edition, nothing lost.
 *
 * <p>The tests share one stack and run in order; the ledger of what got a {@code 201} is carried
 * from one to the next.
 *
 * <p>The broker is secured as {@code bin/local-stack} and production run it (SASL, the ACLs of
 * {@link BrokerAccess}): every service instance signs in as its own principal, and so does every
 * client of the suite, as the one a real client of that kind would be: the checker reads the topics
 * and their dead-letter topics as the operator ({@link #observer()}, the super user), the record as
 * a downstream reader ({@link BrokerAccess#RECORDS_READER}), the replay command runs as the
 * operator runs it, and a record the suite injects into a topic is written with the credentials of
 * the topic's owner ({@link #ownerProducer}), the only principal besides the operator the ACLs let
 * write there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

  private static final Duration READY = Duration.ofSeconds(180);
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final Duration PROPAGATION = Duration.ofSeconds(120);

  /**
   * The consumers' session timeout in the services under test (Kafka's default is 45 s): short, so
   * that a killed instance's partitions move on quickly, and a freeze longer than it is cheap.
   */
  private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(10);

  /** How long a process is frozen (SIGSTOP): past the session timeout, so its partitions move. */
  private static final Duration FREEZE = SESSION_TIMEOUT.plusSeconds(5);

  /** Submissions of the first load (the outage adds more). */
  private static final int LOAD = Integer.getInteger("faults.load", 30);

  /**
   * Members on no rota (and ITU, a vice-chair, deciding nothing here): the chair may decide all.
   */
  private static final List<String> AGENCIES = List.of("ITU", "UNECA", "ILO", "FAO", "WIPO");

  /**
   * The seed of every random choice of the scenarios that make them (i, k): printed, and replayed
   * with {@code -Dfaults.seed=N}.
   */
  static final long SEED = Long.getLong("faults.seed", System.nanoTime());

  @TempDir static Path workDir;

  static PlatformStack stack;
  static PlatformClient client;
  static String chair;
  static String processId;

  /** Every contribution that got a 201: id -> the agency. */
  static final Map<String, String> accepted = new ConcurrentHashMap<>();

  /**
   * Every contribution whose approval got a {@code 201}: the acknowledged approvals. What was
   * approved is read from the reviews topic, not from here.
   */
  static final Set<String> approved = ConcurrentHashMap.newKeySet();

  /** The submission of test c, retried again after the state loss. */
  record Idempotent(String agency, String key, Map<String, Object> body, String id) {}

  static Idempotent idempotent;

  /**
   * Every attempt of every client and what it got, the poison pills written (with how many dead
   * letters each must have: one per service that reads the topic and refuses the record) and the
   * events written by a producer of the test's own; checked against the topics after each test.
   */
  static final History history = new History();

  /** The number of attempts in the history when the current test started. */
  static int operationsBefore;

  /**
   * Where the current test started (the attempts so far, the ends of the topics): its checker
   * reports what went wrong since, not what an earlier test's checker reported.
   */
  static HistoryChecker.Scope scope;

  /**
   * A failed scenario's logs (every process's, the instances a scenario started besides the stack's
   * among them) are kept in {@code target/failed-stack-logs/<scenario method>/}.
   */
  @RegisterExtension
  static final PrintLogsOnFailure PRINT_LOGS_ON_FAILURE = new PrintLogsOnFailure(() -> stack, 120);

  @BeforeAll
  static void startThePlatformAndOpenACall() {
    String session = Long.toString(SESSION_TIMEOUT.toMillis());
    stack =
        PlatformStack.builder(workDir)
            .authServer(true)
            .timeout(READY)
            .serviceProperty("spring.kafka.streams.properties.session.timeout.ms", session)
            .serviceProperty("spring.kafka.consumer.properties.session.timeout.ms", session)
            .start();
    client = new PlatformClient(stack.authServer().orElseThrow().baseUrl());
    chair =
        Roster.load().periodAt(Instant.now()).orElseThrow().chairs().stream()
            .sorted()
            .findFirst()
            .orElseThrow();
    assertThat(AGENCIES).doesNotContain(chair);
    processId = "faults-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> call = new LinkedHashMap<>();
    call.put("id", processId);
    call.put("title", "UNGIS joint input under faults");
    call.put("description", "A call opened by the fault-injection suite.");
    call.put("deadline", Instant.now().plus(7, ChronoUnit.DAYS).toString());
    Response opened =
        client.postUntilFinal(
            stack.review().baseUrl() + "/api/v1/processes",
            () -> client.reviewerToken(chair),
            call,
            "open-" + processId,
            r -> false,
            PATIENCE);
    assertThat(opened.status()).as("opening the call: %s", opened).isEqualTo(201);
  }

  @AfterAll
  static void killEverything() {
    extraInstances.forEach(ServiceProcess::kill);
    webhookReceivers.forEach(WebhookReceiver::close);
    if (stack != null) {
      List<ServiceProcess> all = new ArrayList<>(stack.all());
      java.util.Collections.reverse(all);
      all.forEach(ServiceProcess::kill);
    }
  }

  /**
   * Also notification-service, with a webhook of its own receiver for every contribution event and
   * decision, SIGKILLed mid-flow too: every event reaches the receiver under its id, redeliveries
   * counted ({@link HistoryChecker.Check#WEBHOOK_PER_EVENT}).
   */
  @Test
  @Order(1)
  void aLoadWithPublicationAndReviewKilledMidFlowLosesNoDecision() throws Exception {
    ServiceProcess notifications = startNotificationsAndWatchWebhooks();
    List<String> ids = submitConcurrently(LOAD, "load", 4);
    assertThat(ids).hasSize(LOAD);

    for (int i = 0; i < ids.size(); i++) {
      if (i == ids.size() / 3) {
        // Webhooks in flight: crash notification-service; what it had sent may go out again.
        notifications.kill();
        notifications.start();
      }
      if (i == ids.size() / 4) {
        // publication-service is folding the approvals so far into editions: crash it.
        stack.publication().kill();
        stack.publication().start();
      }
      if (i == ids.size() / 2) {
        // Between two approvals: crash review-service; the client retries until it is back.
        stack.review().kill();
        stack.review().start();
      }
      approve(ids.get(i));
    }
    stack.publication().awaitReady(READY);
    stack.review().awaitReady(READY);
    notifications.awaitReady(READY);
    assertThat(client.serverErrors).as("5xx other than 503").isEmpty();
    try {
      checkTheHistory("a (load, publication-, review- and notification-service SIGKILLed)");
    } finally {
      // The later scenarios run without it (their poison pills count the other services' dead
      // letters): the events from here on are not expected at the receiver.
      notifications.stop();
      history.stopWatchingWebhooks(EventLogReader.endOffsets(observer()));
    }
  }

  /**
   * Starts notification-service on the stack's broker, registry and auth server (as ITU's
   * integrator registers a webhook of the test's receiver), and from the ends of the topics now on
   * expects every contribution event and decision at the receiver. E-mails go nowhere (no SMTP
   * server listens on their port): only webhooks are counted.
   */
  private static ServiceProcess startNotificationsAndWatchWebhooks() {
    ServiceProcess notifications =
        instanceLike(
            stack.contributions(),
            PlatformStack.NOTIFICATION,
            PlatformStack.NOTIFICATION,
            org.ungis.e2e.RepoLayout.locate().execJar(PlatformStack.NOTIFICATION),
            "notification-service",
            List.of("--spring.mail.port=" + org.ungis.e2e.FreePorts.next()));
    notifications.startAndAwaitReady(READY);
    WebhookReceiver receiver = WebhookReceiver.start(d -> history.webhookDelivered(d.webhookId()));
    webhookReceivers.add(receiver);
    receiver.registerAt(
        notifications.baseUrl(),
        request ->
            request.header(
                "Authorization", "Bearer " + client.token("itu-webhooks", "itu-webhooks-secret")),
        List.of(
            "contribution.submitted",
            "contribution.revised",
            "contribution.withdrawn",
            "review.decided"));
    history.watchWebhooks(EventLogReader.endOffsets(observer()));
    return notifications;
  }

  static final List<WebhookReceiver> webhookReceivers =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  @Test
  @Order(2)
  void bPoisonPillsGoToTheDeadLetterTopicAndTheServicesGoOn() throws Exception {
    Instant startedAt = Instant.now().minusSeconds(1);
    String topic = Topics.REVIEWS.name();
    String garbageKey = "poison-garbage-" + UUID.randomUUID();
    byte[] garbage = "{this is not Avro}".getBytes(StandardCharsets.UTF_8);
    String refusedKey = "poison-refused-" + UUID.randomUUID();
    byte[] refused = refusedDecision(topic);

    RecordMetadata garbageAt;
    RecordMetadata refusedAt;
    // Written as review-service, the topic's one writer: only a faulty release of the owner (a
    // broken serializer, a decision keyed by something else) can put such records there.
    try (KafkaProducer<String, byte[]> producer = ownerProducer(Topics.REVIEWS)) {
      ProducerRecord<String, byte[]> first = new ProducerRecord<>(topic, garbageKey, garbage);
      first.headers().add("ungis-test", "garbage".getBytes(StandardCharsets.UTF_8));
      garbageAt = producer.send(first).get(30, TimeUnit.SECONDS);
      refusedAt =
          producer.send(new ProducerRecord<>(topic, refusedKey, refused)).get(30, TimeUnit.SECONDS);
    }

    Map<String, List<ConsumerRecord<byte[], byte[]>>> letters =
        awaitDeadLetters(Topics.REVIEWS.deadLetterTopic(), Set.of(garbageKey, refusedKey));
    assertDeadLetter(letters.get(garbageKey), garbage, garbageAt);
    assertDeadLetter(letters.get(refusedKey), refused, refusedAt);
    assertThat(
            letters.get(garbageKey).stream()
                .map(r -> r.headers().lastHeader("ungis-test"))
                .filter(h -> h != null)
                .map(h -> new String(h.value(), StandardCharsets.UTF_8)))
        .as("the original headers are kept")
        .contains("garbage");
    // The garbage is refused by the three services that read the topic, the decision by the two
    // that fold decisions (its key is not its contribution id).
    history.poison(coordinate(garbageAt), 3);
    history.poison(coordinate(refusedAt), 2);

    // The services go on: a new submission is approved and reaches the record.
    List<String> after = submitConcurrently(2, "after-poison", 2);
    after.forEach(FaultInjectionIT::approve);
    awaitInRecord(after);

    // The operator's replay command lists them in a dry run, each original record once ...
    String dryRun = replay("--topic", topic, "--dry-run", "--from-time", startedAt.toString());
    int garbageLetters = letters.get(garbageKey).size();
    int refusedLetters = letters.get(refusedKey).size();
    assertThat(dryRun)
        .contains("DRY-RUN " + topic + ".DLT/")
        .contains("key=" + garbageKey)
        .contains("key=" + refusedKey)
        .contains("original=" + topic + "/" + garbageAt.partition() + "@" + garbageAt.offset())
        .contains("original=" + topic + "/" + refusedAt.partition() + "@" + refusedAt.offset())
        .contains("SerializationException")
        .contains(
            "matched="
                + (garbageLetters + refusedLetters)
                + " copies="
                + (garbageLetters - 1 + refusedLetters - 1)
                + " replayed=0 dry-run=true");

    // ... and replays one to its original topic: the same key and bytes, the original headers
    // without the kafka_dlt-* ones, plus where it came from.
    String replayed = replay("--topic", topic, "--key", refusedKey);
    // Each service that refused it wrote a dead letter: the original record is replayed once.
    assertThat(replayed).contains("replayed=1 ");
    List<ConsumerRecord<byte[], byte[]>> copies = readAll(topic, refusedKey, 2);
    assertThat(copies).as("the original and one replayed copy").hasSize(2);
    ConsumerRecord<byte[], byte[]> copy = copies.get(copies.size() - 1);
    // Still refused: the replayed copy is dead-lettered again, by the same two services.
    history.poison(new EventLog.Coordinate(copy.topic(), copy.partition(), copy.offset()), 2);
    assertThat(copy.value()).isEqualTo(refused);
    assertThat(header(copy, DeadLetterReplay.REPLAYED_FROM)).startsWith(topic + ".DLT/");
    assertThat(copy.headers().toArray())
        .extracting(Header::key)
        .noneMatch(k -> k.startsWith("kafka_dlt-"));
    checkTheHistory("b (poison pills)");
  }

  @Test
  @Order(3)
  void cTheSameIdempotencyKeyTwiceIsOneContributionAndWithAnotherBodyA422() {
    String agency = AGENCIES.get(0);
    String key = "idem-" + UUID.randomUUID();
    Map<String, Object> body = submission("Idempotent input", "Sent twice with one key.");
    Response first = submitUntilFinal(client, agency, body, key, r -> false);
    assertThat(first.status()).as("first: %s", first).isEqualTo(201);
    String id = first.json().path("id").asString();
    accepted.put(id, agency);
    idempotent = new Idempotent(agency, key, body, id);

    Response second = submitUntilFinal(client, agency, body, key, r -> false);
    assertThat(second.status()).as("retry: %s", second).isEqualTo(201);
    assertThat(second.json().path("id").asString()).isEqualTo(id);
    assertThat(second.header("Location").orElseThrow()).endsWith("/api/v1/contributions/" + id);
    assertThat(second.header("Idempotent-Replayed")).contains("true");

    Map<String, Object> other = submission("Idempotent input", "Another body, the same key.");
    Response reused = submitUntilFinal(client, agency, other, key, r -> false);
    assertThat(reused.status()).as("same key, other body: %s", reused).isEqualTo(422);
    assertThat(reused.header("Content-Type").orElse("")).startsWith("application/problem+json");
    assertThat(reused.json().path("type").asString())
        .isEqualTo("https://ungis.org/problems/idempotency-key-reused");
    approve(id);
    checkTheHistory("c (idempotent retries)");
  }

  @Test
  @Order(4)
  void dBrokerDownFor30SecondsUnderLoadIsA503WithRetryAfterAndNothingAcceptedIsLost()
      throws Exception {
    ServiceProcess contributions = stack.contributions();
    // The load's own client, so that what it saw is not mixed with the probe's answers; its
    // requests time out well after the longest answer allowed, so a hang shows as a timeout.
    PlatformClient loadClient =
        new PlatformClient(stack.authServer().orElseThrow().baseUrl(), Duration.ofSeconds(60));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger sequence = new AtomicInteger();
    List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService load = Executors.newFixedThreadPool(3);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 3; w++) {
      workers.add(
          load.submit(
              () -> {
                while (running.get()) {
                  int n = sequence.incrementAndGet();
                  ids.add(submitOne(loadClient, AGENCIES.get(n % AGENCIES.size()), "outage", n));
                }
              }));
    }
    try {
      await("the load runs").atMost(PATIENCE).until(() -> ids.size() >= 3);

      Instant stopped = Instant.now();
      stack.broker().stop();
      await("contributions-service readiness goes DOWN")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(() -> !contributions.ready());

      // One plain request while the broker is down: a 503 problem+json with Retry-After, in bounded
      // time, not a 500 and not a hang.
      String probeKey = "probe-" + UUID.randomUUID();
      Map<String, Object> probeBody = submission("Probe during the outage", "Sent while down.");
      PlatformClient.Attempt probe =
          client.postOnce(
              contributions.baseUrl() + "/api/v1/contributions",
              client.agencyToken(AGENCIES.get(1)),
              probeBody,
              probeKey);
      recordSubmission(AGENCIES.get(1), probeKey, probeBody, probe);
      assertThat(probe.answered()).as("an answer, not %s", probe.error()).isTrue();
      assertThat(probe.status()).as("during the outage: %s", probe.response()).isEqualTo(503);
      assertThat(probe.response().header("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(probe.response().header("Retry-After")).isPresent();
      assertThat(probe.response().json().path("type").asString())
          .isEqualTo("https://ungis.org/problems/unavailable");
      assertThat(probe.took()).isLessThan(Duration.ofSeconds(30));

      // The broker stays down for 30 s while the load keeps knocking.
      await("30 s of outage")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> Duration.between(stopped, Instant.now()).getSeconds() >= 30);
      int acceptedBeforeRestart = ids.size();
      stack.broker().start().awaitReady(READY);
      await("contributions-service recovers by itself")
          .atMost(READY)
          .pollInterval(Duration.ofSeconds(1))
          .until(contributions::ready);

      // The client retries the probe with the same key, as the README says.
      Response retried = submitUntilFinal(client, AGENCIES.get(1), probeBody, probeKey, r -> false);
      assertThat(retried.status()).as("the probe retried: %s", retried).isEqualTo(201);
      String probeId = retried.json().path("id").asString();
      accepted.put(probeId, AGENCIES.get(1));
      ids.add(probeId);

      await("the load goes on after the outage")
          .atMost(PATIENCE)
          .until(() -> ids.size() >= acceptedBeforeRestart + 6);
    } finally {
      running.set(false);
      load.shutdown();
    }
    for (Future<?> worker : workers) {
      worker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
    System.out.printf(
        "outage: accepted=%d 503s=%d timeouts=%d connection-errors=%d slowest=%d ms%n",
        ids.size(),
        loadClient.unavailable.get(),
        loadClient.timeouts.get(),
        loadClient.connectionErrors.get(),
        loadClient.slowestMillis.get());
    assertThat(loadClient.unavailable.get())
        .as("503 answers seen by the load during the outage")
        .isPositive();
    assertThat(loadClient.unavailableWithoutRetryAfter.get())
        .as("503 without Retry-After")
        .isZero();
    assertThat(loadClient.serverErrors).as("5xx other than 503").isEmpty();
    // The intake stays up while the broker is down: every request gets an answer, in bounded time
    // (the send timeout is 15 s), never a timeout or a refused connection.
    assertThat(loadClient.timeouts.get()).as("requests without an answer in 60 s").isZero();
    assertThat(loadClient.connectionErrors.get()).as("connection errors").isZero();
    assertThat(loadClient.slowestMillis.get()).as("slowest answer (ms)").isLessThan(30_000);

    ids.forEach(FaultInjectionIT::approve);
    checkTheHistory("d (broker down under load)");
  }

  @Test
  @Order(5)
  void eContributionsServiceKilledUnderLoadAndStrippedOfItsStateServesIdenticalAnswers()
      throws Exception {
    Map<String, String> known = Map.copyOf(accepted);
    Map<String, JsonNode> before = snapshot(known);
    assertThat(before).hasSize(known.size());
    ServiceProcess contributions = stack.contributions();

    // Submissions keep coming while the intake is SIGKILLed, loses its state and comes back: each
    // retries with its own key until it gets a 201.
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger sequence = new AtomicInteger();
    List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
    ExecutorService load = Executors.newFixedThreadPool(2);
    List<Future<?>> workers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      workers.add(
          load.submit(
              () -> {
                while (running.get()) {
                  int n = sequence.incrementAndGet();
                  ids.add(submitOne(AGENCIES.get(n % AGENCIES.size()), "state-loss", n));
                }
              }));
    }
    try {
      await("the load runs").atMost(PATIENCE).until(() -> ids.size() >= 2);
      contributions.kill();
      int acceptedAtKill = ids.size();
      stack.deleteState(PlatformStack.CONTRIBUTIONS);
      assertThat(stack.stateDir(PlatformStack.CONTRIBUTIONS)).doesNotExist();
      contributions.start().awaitReady(READY);
      await("the load goes on after the restart")
          .atMost(PATIENCE)
          .until(() -> ids.size() >= acceptedAtKill + 4);
    } finally {
      running.set(false);
      load.shutdown();
    }
    for (Future<?> worker : workers) {
      worker.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    AtomicReference<Map<String, JsonNode>> after = new AtomicReference<>();
    await("the rebuilt views answer")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              after.set(snapshot(known));
              return after.get().size() == before.size();
            });
    List<String> differences = new ArrayList<>();
    before.forEach(
        (id, was) -> {
          JsonNode now = after.get().get(id);
          for (String field : was.propertyNames()) {
            if (!was.get(field).equals(now.get(field))) {
              differences.add(id + "." + field + ": " + was.get(field) + " -> " + now.get(field));
            }
          }
          for (String field : now.propertyNames()) {
            if (!was.has(field)) {
              differences.add(id + "." + field + ": (absent) -> " + now.get(field));
            }
          }
        });
    assertThat(differences).as("fields that changed with the state loss").isEmpty();

    // The Idempotency-Keys are rebuilt too: the retry of test c still names the same contribution.
    Response retried =
        submitUntilFinal(
            client, idempotent.agency(), idempotent.body(), idempotent.key(), r -> false);
    assertThat(retried.status()).as("retry after the state loss: %s", retried).isEqualTo(201);
    assertThat(retried.json().path("id").asString()).isEqualTo(idempotent.id());

    ids.forEach(FaultInjectionIT::approve);
    checkTheHistory("e (intake SIGKILLed, state lost)");
  }

  @Test
  @Order(6)
  void fEveryAcceptedInputIsApprovedOnceAndInEveryEditionAtMostOnceWithItsText() {
    AtomicReference<EventLog> read = new AtomicReference<>();
    try {
      await("the reviews topic approves every accepted input and the latest edition lists them")
          .atMost(PROPAGATION)
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                EventLog log = EventLogReader.read(observer(), stack.registryUrl());
                read.set(log);
                Set<String> approvedOnTopic = approvals(log).keySet();
                return approvedOnTopic.containsAll(accepted.keySet())
                    && editions(log).stream()
                        .reduce((first, second) -> second)
                        .map(e -> ids(e).containsAll(approvedOnTopic))
                        .orElse(false);
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Account for what is there, and fail below with the numbers.
    }
    EventLog log = read.get();
    Map<String, List<ReviewEvent>> approvals = approvals(log);
    Map<String, ContributionContent> texts = submittedTexts(log);
    List<RecordEdition> editions = editions(log);
    List<String> doubledApprovals =
        approvals.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " x" + e.getValue().size())
            .toList();
    List<String> doubledInAnEdition = new ArrayList<>();
    for (RecordEdition edition : editions) {
      Map<String, Integer> occurrences = new HashMap<>();
      ids(edition).forEach(id -> occurrences.merge(id, 1, Integer::sum));
      occurrences.forEach(
          (id, n) -> {
            if (n > 1) {
              doubledInAnEdition.add("edition " + edition.getEdition() + ": " + id + " x" + n);
            }
          });
    }
    List<String> wrongText =
        log.records().stream()
            .filter(e -> e.value().getProcessId().equals(processId))
            .map(e -> e.value().getPayload())
            .filter(RecordEntry.class::isInstance)
            .map(RecordEntry.class::cast)
            .filter(entry -> !entry.getContent().equals(texts.get(entry.getContributionId())))
            .map(RecordEntry::getContributionId)
            .toList();
    List<String> latest = editions.isEmpty() ? List.of() : ids(editions.get(editions.size() - 1));
    List<String> lost =
        approvals.keySet().stream().filter(id -> !latest.contains(id)).sorted().toList();
    List<String> strangers =
        latest.stream().filter(id -> !approvals.containsKey(id)).distinct().toList();
    List<String> unacknowledged =
        approved.stream().filter(id -> !approvals.containsKey(id)).sorted().toList();
    System.out.printf(
        "accepted=%d acknowledged-approvals=%d approved-on-topic=%d editions=%d published=%d"
            + " doubled-approvals=%d doubled-in-an-edition=%d wrong-text=%d lost=%d%n",
        accepted.size(),
        approved.size(),
        approvals.size(),
        editions.size(),
        latest.size(),
        doubledApprovals.size(),
        doubledInAnEdition.size(),
        wrongText.size(),
        lost.size());
    assertThat(unacknowledged).as("acknowledged approvals not on the topic").isEmpty();
    assertThat(approvals.keySet()).as("approved on the topic").isEqualTo(accepted.keySet());
    assertThat(doubledApprovals).as("contributions approved twice on the topic").isEmpty();
    assertThat(doubledInAnEdition).as("an edition listing a contribution twice").isEmpty();
    assertThat(wrongText).as("record entries whose text is not the submitted one").isEmpty();
    assertThat(lost).as("lost (approved, not in the latest edition)").isEmpty();
    assertThat(strangers).as("in the latest edition but never approved").isEmpty();
    assertThat(latest).as("the latest edition").hasSize(approvals.size());
    checkTheHistory("f (accounting)");
  }

  @Test
  @Order(7)
  void gTheIntakeTopicHoldsOneSubmissionPerAcceptedInputAndNothingElse() {
    // A write made durable after its client had given up (timeout, 503) and retried with the same
    // key must be found by the retry, not doubled by it: the topic holds exactly the 201s, each
    // submitted once (a repeat of the very same submission, which every fold ignores, is allowed).
    EventLog log = EventLogReader.read(observer(), stack.registryUrl());
    Map<String, List<ContributionEvent>> submissions = new LinkedHashMap<>();
    Map<String, Set<String>> idsByKey = new HashMap<>();
    for (EventLog.Logged<ContributionEvent> event : log.contributions()) {
      ContributionEvent value = event.value();
      if (value.getProcessId().equals(processId)
          && value.getPayload() instanceof ContributionSubmitted) {
        submissions.computeIfAbsent(value.getContributionId(), id -> new ArrayList<>()).add(value);
        String key = event.headers().get("ungis-idempotency-key");
        if (key != null) {
          idsByKey
              .computeIfAbsent(value.getAgency() + "/" + key, k -> new java.util.TreeSet<>())
              .add(value.getContributionId());
        }
      }
    }
    List<String> unaccounted =
        submissions.keySet().stream().filter(id -> !accepted.containsKey(id)).toList();
    List<String> missing =
        accepted.keySet().stream().filter(id -> !submissions.containsKey(id)).toList();
    int repeats = 0;
    List<String> doubled = new ArrayList<>();
    for (Map.Entry<String, List<ContributionEvent>> entry : submissions.entrySet()) {
      List<ContributionEvent> events = entry.getValue();
      repeats += events.size() - 1;
      if (events.stream().map(FaultInjectionIT::submittedAs).distinct().count() > 1) {
        doubled.add(entry.getKey() + " x" + events.size());
      }
    }
    List<String> keysWithSeveralIds =
        idsByKey.entrySet().stream()
            .filter(e -> e.getValue().size() > 1)
            .map(e -> e.getKey() + " -> " + e.getValue())
            .toList();
    System.out.printf(
        "intake: on-topic=%d accepted=%d unaccounted=%d missing=%d repeats=%d doubled=%d"
            + " keys-with-several-ids=%d%n",
        submissions.size(),
        accepted.size(),
        unaccounted.size(),
        missing.size(),
        repeats,
        doubled.size(),
        keysWithSeveralIds.size());
    assertThat(unaccounted).as("contributions no client got a 201 for").isEmpty();
    assertThat(missing).as("201s whose submission is not on the topic").isEmpty();
    assertThat(doubled).as("contributions submitted twice with different content").isEmpty();
    assertThat(keysWithSeveralIds).as("Idempotency-Keys naming several contributions").isEmpty();
    checkTheHistory("g (intake)");
  }

  @Test
  @Order(8)
  void hVersion2OfTheContributionEventRollsOutWhileTheVersion1ServicesRun() throws Exception {
    String topic = Topics.CONTRIBUTIONS.name();
    String subject = Topics.CONTRIBUTIONS.valueSubject();
    Schema v1 = ContributionEvent.getClassSchema();
    Schema v2 = withField(v1, optionalString("channel", "How the input reached the intake (v2)."));

    // A producer built on v2 registers it next to v1: a new optional field is compatible.
    Response registered = registry("POST", "/subjects/" + subject + "/versions", v2);
    assertThat(registered.status()).as("registering v2: %s", registered).isEqualTo(200);
    int v2Id = registered.json().path("id").asInt();

    // ... and writes a submission with it, while every service still runs on v1.
    String agency = AGENCIES.get(0);
    String id = UUID.randomUUID().toString();
    ContributionEvent event = v1Submission(id, agency, "Submitted by a v2 producer");
    GenericRecordBuilder v2Event = new GenericRecordBuilder(v2);
    v1.getFields().forEach(f -> v2Event.set(f.name(), event.get(f.pos())));
    v2Event.set("channel", "email");
    byte[] v2Bytes;
    Map<String, Object> serde = new HashMap<>();
    serde.put("schema.registry.url", stack.registryUrl());
    serde.put("basic.auth.credentials.source", "USER_INFO");
    serde.put("basic.auth.user.info", PlatformStack.REGISTRY_USER_INFO);
    serde.put("auto.register.schemas", false);
    serde.put("use.latest.version", true);
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(serde, false);
      v2Bytes = serializer.serialize(topic, v2Event.build());
    }
    assertThat(ByteBuffer.wrap(v2Bytes, 1, 4).getInt()).as("written with v2's id").isEqualTo(v2Id);
    // As contributions-service: the v2 producer is its next release, rolled out while v1 runs.
    try (KafkaProducer<String, byte[]> producer = ownerProducer(Topics.CONTRIBUTIONS)) {
      history.produced(
          coordinate(
              producer.send(new ProducerRecord<>(topic, id, v2Bytes)).get(30, TimeUnit.SECONDS)));
    }

    // The v1 services read it: the intake serves it, the chair approves it, it is published.
    await("contributions-service (v1) serves the v2 submission")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                client
                        .getOnce(
                            stack.contributions().baseUrl() + "/api/v1/contributions/" + id,
                            client.agencyToken(agency))
                        .status()
                    == 200);
    JsonNode served =
        client
            .getOnce(
                stack.contributions().baseUrl() + "/api/v1/contributions/" + id,
                client.agencyToken(agency))
            .response()
            .json();
    assertThat(served.path("title").asString()).isEqualTo("Submitted by a v2 producer");
    approve(id);
    awaitInRecord(List.of(id));

    // A consumer built on v2 reads both: the v2 record with its field, v1 records with the default.
    String v1Id = accepted.keySet().iterator().next();
    try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
      deserializer.configure(Map.of("schema.registry.url", stack.registryUrl()), false);
      GenericRecord fromV2 =
          (GenericRecord) deserializer.deserialize(topic, readAll(topic, id, 1).get(0).value(), v2);
      GenericRecord fromV1 =
          (GenericRecord)
              deserializer.deserialize(topic, readAll(topic, v1Id, 1).get(0).value(), v2);
      assertThat(fromV2.get("channel")).hasToString("email");
      assertThat(fromV1.get("channel")).isNull();
      assertThat(fromV1.get("contributionId")).hasToString(v1Id);
    }

    // A breaking v3 (agency becomes a number) is refused by the registry.
    Schema v3 = withFieldType(v1, "agency", Schema.create(Schema.Type.INT));
    Response check =
        registry("POST", "/compatibility/subjects/" + subject + "/versions/latest", v3);
    assertThat(check.json().path("is_compatible").asBoolean()).isFalse();
    Response refused = registry("POST", "/subjects/" + subject + "/versions", v3);
    assertThat(refused.status()).as("registering v3: %s", refused).isEqualTo(409);
    System.out.printf(
        "schema evolution: v2 id=%d registered and read by the v1 services; v3 refused (%d)%n",
        v2Id, refused.status());
    checkTheHistory("h (schema evolution)");
  }

  @Test
  @Order(9)
  void iEveryProcessIsSigkilledAtARandomMomentWhileWritesAreInFlight() throws Exception {
    System.out.printf("scenario i: seed %d (replay with -Dfaults.seed=%d)%n", SEED, SEED);
    Random random = new Random(SEED);
    List<String> victims =
        new ArrayList<>(
            List.of(
                PlatformStack.CONTRIBUTIONS,
                PlatformStack.REVIEW,
                PlatformStack.PUBLICATION,
                PlatformStack.REGISTRY,
                PlatformStack.AUTH,
                PlatformStack.BROKER));
    java.util.Collections.shuffle(victims, random);
    try (Load load = new Load("sigkill", 3)) {
      // Poison pills on every input topic of the three services, while the load runs.
      poisonWhileRunning(Topics.CONTRIBUTIONS, 3);
      poisonWhileRunning(Topics.PROCESSES, 3);
      poisonWhileRunning(Topics.REVIEWS, 3);
      for (int round = 0; round < victims.size(); round += 2) {
        load.awaitProgress(2);
        Duration moment = Duration.ofMillis(random.nextInt(1500));
        await().pollDelay(moment).atMost(moment.plusSeconds(1)).until(() -> true);
        List<ServiceProcess> killed =
            victims.subList(round, round + 2).stream()
                .map(stack::get)
                .sorted(java.util.Comparator.comparing(p -> p != stack.broker()))
                .toList();
        System.out.printf(
            "scenario i: SIGKILL %s %d ms later, %d writes in flight%n",
            killed.stream().map(ServiceProcess::name).toList(),
            moment.toMillis(),
            load.inFlight.get());
        killed.forEach(ServiceProcess::kill);
        for (ServiceProcess process : killed) {
          process.start();
          if (process == stack.broker()) {
            process.awaitReady(READY);
          }
        }
        killed.forEach(p -> p.awaitReady(READY));
      }
      load.awaitProgress(3);
    }
    checkTheHistory("i (every process SIGKILLed at a random moment under load)");
  }

  @Test
  @Order(10)
  void jServicesAndTheBrokerFrozenPastTheSessionTimeoutComeBackWithoutLossOrDouble()
      throws Exception {
    try (Load load = new Load("freeze", 3)) {
      for (List<String> frozen :
          List.of(
              List.of(PlatformStack.REVIEW, PlatformStack.PUBLICATION),
              List.of(PlatformStack.CONTRIBUTIONS),
              List.of(PlatformStack.BROKER))) {
        load.awaitProgress(2);
        List<ServiceProcess> processes = frozen.stream().map(stack::get).toList();
        System.out.printf(
            "scenario j: SIGSTOP %s for %d s, %d writes in flight%n",
            frozen, FREEZE.toSeconds(), load.inFlight.get());
        processes.forEach(ServiceProcess::pause);
        try {
          await("frozen past the session timeout")
              .pollDelay(FREEZE)
              .atMost(FREEZE.plusSeconds(1))
              .until(() -> true);
        } finally {
          processes.forEach(ServiceProcess::resume);
        }
      }
      load.awaitProgress(3);
    }
    checkTheHistory("j (services and broker frozen past the session timeout)");
  }

  @Test
  @Order(11)
  void kConcurrentDecisionsWhileReviewInstancesJoinLeaveAndDieEndEachRevisionOnce()
      throws Exception {
    System.out.printf("scenario k: seed %d (replay with -Dfaults.seed=%d)%n", SEED, SEED);
    // The seed picks which of the two first instances leaves cleanly and which dies, how long
    // after the race's progress it dies, and the instance each decision's attempts go to.
    Random random = new Random(SEED ^ 'k');
    // The stack's review-service (one instance, no routing) makes way for instances that route.
    stack.review().stop();
    List<ServiceProcess> firstTwo =
        new ArrayList<>(
            List.of(
                routingInstance(stack.review(), "review", 1),
                routingInstance(stack.review(), "review", 2)));
    ServiceProcess third = routingInstance(stack.review(), "review", 3);
    java.util.Collections.shuffle(firstTwo, random);
    ServiceProcess leaver = firstTwo.get(0);
    ServiceProcess victim = firstTwo.get(1);
    Duration moment = Duration.ofMillis(random.nextInt(1500));
    List<ServiceProcess> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    try {
      leaver.start();
      victim.start();
      leaver.awaitReady(READY);
      victim.awaitReady(READY);
      live.addAll(List.of(leaver, victim));
      try (Race race = new Race(live, 2, random.nextLong())) {
        race.awaitProgress(2);
        race.log("a third review-service instance joins: " + third.name());
        third.startAndAwaitReady(READY);
        live.add(third);
        race.awaitProgress(2);
        race.log("leaves cleanly (SIGTERM): " + leaver.name());
        live.remove(leaver);
        leaver.stop();
        race.awaitProgress(2);
        await().pollDelay(moment).atMost(moment.plusSeconds(1)).until(() -> true);
        race.log(
            String.format(
                "SIGKILL of %s %d ms later, %d decisions in flight",
                victim.name(), moment.toMillis(), race.inFlight.get()));
        victim.kill();
        race.awaitProgress(3);
        live.remove(victim);
      }
    } finally {
      extraInstances.forEach(ServiceProcess::kill);
      extraInstances.clear();
      // Back to the stack's one instance (the checker reads the topics, not review-service).
      stack.review().start();
    }
    checkTheHistory("k (concurrent decisions while review-service instances join, leave, die)");
  }

  /**
   * Handover during revisions: the stack's contributions-service makes way for instances that
   * route; on a few contributions at a time, three revisers race one another (each revises the
   * revision it read, {@code If-Match}), the chair requests changes on each revision at the stack's
   * review-service, and the agency withdraws the contribution after a few revisions while the
   * revisers go on; every request goes to an instance picked at random, which sends it to the
   * instance owning the contribution's partition. A third instance joins, the first leaves cleanly
   * (SIGTERM), the second is SIGKILLed with revisions in flight. The checker proves each revision
   * number accepted once, without gaps, none after the withdrawal, each acknowledged revision once.
   */
  @Test
  @Order(12)
  void lConcurrentRevisionsWhileContributionsInstancesJoinLeaveAndDieNumberEachRevisionOnce()
      throws Exception {
    long started = System.nanoTime();
    java.util.function.Consumer<String> say =
        what ->
            System.out.printf(
                "scenario l: +%d s %s%n",
                Duration.ofNanos(System.nanoTime() - started).toSeconds(), what);
    ServiceProcess first = routingInstance(stack.contributions(), "contributions", 1);
    ServiceProcess second = routingInstance(stack.contributions(), "contributions", 2);
    ServiceProcess third = routingInstance(stack.contributions(), "contributions", 3);
    List<ServiceProcess> live = new java.util.concurrent.CopyOnWriteArrayList<>();
    Revisions race = null;
    try {
      // The instances boot while the stack's one (which does not route) stops.
      first.start();
      second.start();
      stack.contributions().stop();
      first.awaitReady(READY);
      second.awaitReady(READY);
      live.addAll(List.of(first, second));
      say.accept("two instances ready; the race starts");
      race = new Revisions(live, 2);
      race.awaitProgress(2);
      say.accept("a third instance joins");
      third.startAndAwaitReady(READY);
      live.add(third);
      race.awaitProgress(2);
      say.accept("the first leaves cleanly (SIGTERM)");
      live.remove(first);
      first.stop();
      race.awaitProgress(2);
      say.accept("SIGKILL of the second, " + race.inFlight.get() + " requests in flight");
      second.kill();
      race.awaitProgress(2);
      live.remove(second);
      race.close();
      say.accept(
          String.format(
              "race over: contributions=%d revisions-acknowledged=%d withdrawals-acknowledged=%d"
                  + " reads-not-found=%d",
              race.completed.get(), race.revised.get(), race.withdrawn.get(), race.notFound.get()));
      assertThat(race.unexpected).as("answers other than those of a race").isEmpty();
    } finally {
      if (race != null) {
        race.close();
      }
      extraInstances.forEach(ServiceProcess::kill);
      extraInstances.clear();
      // Back to the stack's one instance (the checker reads the topics, not the service).
      stack.contributions().start();
    }
    checkTheHistory(
        "l (concurrent revisions while contributions-service instances join, leave, die)");
  }

  // ---------------------------------------------------------------- helpers

  /** Service instances a test started besides the stack's (killed at the end). */
  static final List<ServiceProcess> extraInstances =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  /**
   * Another instance of the stack's service {@code model}, as that one is started but on a port and
   * state directory of its own ({@code <state>-<n>}) and advertising itself ({@code
   * application.server}), so that instances route.
   */
  private static ServiceProcess routingInstance(ServiceProcess model, String state, int n) {
    List<String> command = model.command();
    return instanceLike(
        model,
        model.name() + "-" + n,
        model.name(),
        Path.of(command.get(command.indexOf("-jar") + 1)),
        state + "-" + n,
        List.of("--spring.kafka.streams.properties.application.server=localhost:%d"));
  }

  /**
   * A process run as {@code model} is (its JVM flags and arguments: the broker, the registry, the
   * issuer, the session timeouts) from {@code jar}, on a port and a state directory of its own,
   * signing in to the broker as {@code principal}, with {@code extra} arguments ({@code %d}: its
   * port). Killed at the end of the suite.
   */
  private static ServiceProcess instanceLike(
      ServiceProcess model,
      String name,
      String principal,
      Path jar,
      String state,
      List<String> extra) {
    List<String> command = model.command();
    int jarAt = command.indexOf("-jar");
    int port = org.ungis.e2e.FreePorts.next();
    List<String> login = PlatformStack.brokerLogin(principal);
    List<String> replaced =
        new ArrayList<>(List.of("--server.port=", "--spring.kafka.streams.state-dir="));
    login.forEach(arg -> replaced.add(arg.substring(0, arg.indexOf('=') + 1)));
    List<String> args = new ArrayList<>();
    for (String arg : command.subList(jarAt + 2, command.size())) {
      if (replaced.stream().noneMatch(arg::startsWith)) {
        args.add(arg);
      }
    }
    args.addAll(login);
    args.add("--server.port=" + port);
    args.add("--spring.kafka.streams.state-dir=" + workDir.resolve("state").resolve(state));
    extra.forEach(arg -> args.add(arg.formatted(port)));
    ServiceProcess instance =
        ServiceProcess.of(
            name,
            port,
            jar,
            command.subList(1, jarAt),
            args,
            stack.logDir().resolve(name + ".log"),
            org.ungis.e2e.Readiness.actuator());
    extraInstances.add(instance);
    return instance;
  }

  /**
   * Clients that submit and then, at once, decide each submission twice, concurrently: the chair
   * approves it with one key while the chair also rejects it with another, each attempt sent to an
   * instance of review-service among {@code live} picked by a generator of its own, seeded from
   * {@code seed} and the submission's number. Exactly one of the two may end the revision's review;
   * the other is refused ({@code 409 ALREADY_DECIDED}). Every attempt, with the instance it went to
   * and its answer, is logged in {@code scenario-k-decisions.log} of the stack's log directory.
   */
  private static final class Race implements AutoCloseable {
    final AtomicInteger decided = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final ExecutorService deciders;
    private final List<Future<?>> workers = new ArrayList<>();
    private final Path decisionLog = stack.logDir().resolve("scenario-k-decisions.log");

    Race(List<ServiceProcess> live, int clients, long seed) {
      PlatformClient via =
          new PlatformClient(stack.authServer().orElseThrow().baseUrl(), Duration.ofSeconds(60));
      AtomicInteger sequence = new AtomicInteger();
      pool = Executors.newFixedThreadPool(clients);
      deciders = Executors.newFixedThreadPool(clients * 2);
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    int n = sequence.incrementAndGet();
                    String id = submitOne(via, AGENCIES.get(n % AGENCIES.size()), "race", n);
                    inFlight.addAndGet(2);
                    try {
                      Random approving = new Random(seed + 2L * n);
                      Random rejecting = new Random(seed + 2L * n + 1);
                      Future<Response> approve =
                          deciders.submit(() -> decide(via, live, approving, id, "APPROVED"));
                      Future<Response> reject =
                          deciders.submit(() -> decide(via, live, rejecting, id, "REJECTED"));
                      List<Response> answers =
                          List.of(
                              approve.get(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS),
                              reject.get(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS));
                      assertThat(answers)
                          .as("approving and rejecting %s at once: %s", id, answers)
                          .allMatch(answer -> answer.status() == 201 || answer.status() == 409);
                    } finally {
                      inFlight.addAndGet(-2);
                    }
                    decided.incrementAndGet();
                  }
                  return null;
                }));
      }
    }

    /** A step of the scenario: printed, and appended to its decisions log. */
    void log(String line) {
      System.out.println("scenario k: " + record(line));
    }

    /** Appends a line to the decisions log; returns it as written. */
    private synchronized String record(String line) {
      String stamped = Instant.now() + " " + line;
      try {
        Files.writeString(
            decisionLog,
            stamped + System.lineSeparator(),
            StandardCharsets.UTF_8,
            java.nio.file.StandardOpenOption.CREATE,
            java.nio.file.StandardOpenOption.APPEND);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      return stamped;
    }

    /**
     * One decision, retried with its key until its answer is final, each attempt on the instance of
     * {@code live} that {@code picks} draws.
     */
    private Response decide(
        PlatformClient via, List<ServiceProcess> live, Random picks, String id, String decision) {
      String key = decision.toLowerCase(java.util.Locale.ROOT) + "-" + id;
      Map<String, Object> body =
          decision.equals("APPROVED")
              ? Map.of("revision", 1, "decision", decision)
              : Map.of("revision", 1, "decision", decision, "comment", "Rejected in the race.");
      AtomicReference<Response> last = new AtomicReference<>();
      await(decision + " " + id + " gets a final answer")
          .atMost(PATIENCE)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                String token;
                try {
                  token = via.reviewerToken(chair);
                } catch (RuntimeException authorizationServerDown) {
                  return false;
                }
                List<ServiceProcess> now = List.copyOf(live);
                ServiceProcess to = now.get(picks.nextInt(now.size()));
                PlatformClient.Attempt attempt =
                    via.postOnce(
                        to.baseUrl() + "/api/v1/reviews/" + id + "/decisions", token, body, key);
                record(
                    String.format(
                        "%s %s (key %s) at %s: %s",
                        decision,
                        id,
                        key,
                        to.name(),
                        attempt.answered()
                            ? attempt.status() + " " + attempt.response().body()
                            : "no answer (" + attempt.error() + ")"));
                history.decide(
                    Thread.currentThread().getName(),
                    id,
                    1,
                    decision,
                    key,
                    outcome(attempt),
                    attempt.status());
                if (!attempt.answered()) {
                  return false;
                }
                last.set(attempt.response());
                int status = attempt.status();
                // 404: the instance has not read the submission yet
                return status != 404 && status != 502 && status != 503 && status != 504;
              });
      return last.get();
    }

    /** Waits until {@code more} contributions were decided (fails if a client died). */
    void awaitProgress(int more) throws Exception {
      awaitGrowth("the race goes on", decided::get, more, workers);
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      pool.shutdown();
      try {
        for (Future<?> worker : workers) {
          worker.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
        }
      } finally {
        deciders.shutdownNow();
      }
    }
  }

  /**
   * Clients that race on a few contributions at a time ({@code slots}): each slot submits one, then
   * {@value #REVISERS} revisers revise it concurrently, each the revision it just read ({@code
   * If-Match}), the chair requests changes on each revision it sees at the stack's review-service,
   * and the agency withdraws it once it reached a revision between 2 and 5, while the revisers go
   * on; after the withdrawal's answer each reviser tries once more, which must be refused. Then the
   * slot takes the next contribution. Every request to contributions-service goes to an instance of
   * {@code live} picked at random (the instances route it to the owner) and is retried, on any
   * instance, while its outcome is unknown. Every write attempt goes into the history.
   */
  private static final class Revisions implements AutoCloseable {
    static final int REVISERS = 3;

    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger revised = new AtomicInteger();
    final AtomicInteger withdrawn = new AtomicInteger();
    final AtomicInteger notFound = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final List<String> unexpected = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<ServiceProcess> live;
    private final PlatformClient via;
    private final ExecutorService pool;
    private final ExecutorService racers;
    private final List<Future<?>> workers = new ArrayList<>();
    private boolean closed;

    Revisions(List<ServiceProcess> live, int slots) {
      this.live = live;
      this.via =
          new PlatformClient(stack.authServer().orElseThrow().baseUrl(), Duration.ofSeconds(60));
      pool = Executors.newFixedThreadPool(slots);
      racers = Executors.newFixedThreadPool(slots * (REVISERS + 2));
      for (int s = 0; s < slots; s++) {
        int slot = s;
        workers.add(
            pool.submit(
                () -> {
                  for (int n = 0; running.get(); n++) {
                    oneContribution(AGENCIES.get((slot + n) % AGENCIES.size()), slot * 1000 + n);
                    completed.incrementAndGet();
                  }
                  return null;
                }));
      }
    }

    /** One contribution from its submission to its withdrawal, raced all along. */
    private void oneContribution(String agency, int n) throws Exception {
      String key = "revisions-" + n + "-" + UUID.randomUUID();
      Map<String, Object> body =
          submission(agency + " input revised in a race #" + n, "Input " + n + " of " + agency);
      Response created =
          untilFinal(
              "submitting " + key,
              to ->
                  via.postOnce(
                      to.baseUrl() + "/api/v1/contributions", via.agencyToken(agency), body, key),
              attempt -> recordSubmission(agency, key, body, attempt),
              r -> r.status() == 422 && r.body().contains("unknown-process"));
      assertThat(created.status()).as("submitting %s: %s", key, created).isEqualTo(201);
      String id = created.json().path("id").asString();
      accepted.put(id, agency);
      int withdrawAt = 2 + java.util.concurrent.ThreadLocalRandom.current().nextInt(4);
      AtomicBoolean over = new AtomicBoolean();
      List<Future<?>> racing = new ArrayList<>();
      for (int r = 0; r < REVISERS; r++) {
        int reviser = r;
        racing.add(racers.submit(() -> revise(agency, id, reviser, over)));
      }
      racing.add(racers.submit(() -> requestChanges(agency, id, over)));
      racing.add(racers.submit(() -> withdraw(agency, id, withdrawAt, over)));
      try {
        for (Future<?> racer : racing) {
          racer.get(PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
        }
      } finally {
        over.set(true);
      }
    }

    /** Revises the revision it reads until the contribution is over, then tries once more. */
    private Void revise(String agency, String id, int reviser, AtomicBoolean over) {
      int read = 1;
      while (!over.get()) {
        JsonNode current = read(agency, id);
        if (!Set.of("SUBMITTED", "CHANGES_REQUESTED").contains(current.path("status").asString())) {
          break;
        }
        read = current.path("revision").asInt();
        // a random moment within 100 ms, so that the revisers interleave differently each time
        Duration moment =
            Duration.ofMillis(java.util.concurrent.ThreadLocalRandom.current().nextInt(100));
        await().pollDelay(moment).atMost(moment.plusSeconds(1)).until(() -> true);
        reviseOnce(agency, id, reviser, read);
      }
      // The contribution is withdrawn: a revision from the last revision read must be refused.
      reviseOnce(agency, id, reviser, read);
      return null;
    }

    private void reviseOnce(String agency, String id, int reviser, int from) {
      String key = "revise-" + id + "-" + UUID.randomUUID();
      Map<String, Object> body =
          submission(
              "Revision of " + id + " from r" + from + " by reviser " + reviser,
              "Revised in a race, request " + key + ".");
      History.Text text =
          new History.Text(
              (String) body.get("title"), (String) body.get("summary"), (String) body.get("body"));
      Response answer =
          untilFinal(
              "revising " + id + " from r" + from,
              to ->
                  via.putOnce(
                      to.baseUrl() + "/api/v1/contributions/" + id,
                      via.agencyToken(agency),
                      body,
                      "\"" + from + "\""),
              attempt ->
                  history.revise(
                      Thread.currentThread().getName(),
                      id,
                      from + 1,
                      key,
                      text,
                      outcome(attempt),
                      attempt.status()),
              r -> false);
      if (answer.status() == 200 && answer.json().path("revision").asInt() == from + 1) {
        revised.incrementAndGet();
      } else if (answer.status() != 409) {
        unexpected.add("revising " + id + " from r" + from + ": " + answer);
      }
    }

    /** The chair requests changes on each revision it sees, until the contribution is over. */
    private Void requestChanges(String agency, String id, AtomicBoolean over) {
      int decided = 0;
      while (!over.get()) {
        JsonNode current = read(agency, id);
        int revision = current.path("revision").asInt();
        if (revision > decided && "SUBMITTED".equals(current.path("status").asString())) {
          decided = revision;
          decide(id, revision);
        } else {
          int seen = revision;
          await("a new revision of " + id + " or its end")
              .atMost(PATIENCE)
              .pollInterval(Duration.ofMillis(200))
              .until(() -> over.get() || read(agency, id).path("revision").asInt() > seen);
        }
      }
      return null;
    }

    private void decide(String id, int revision) {
      String key = "changes-" + id + "-r" + revision;
      Map<String, Object> body =
          Map.of(
              "revision",
              revision,
              "decision",
              "CHANGES_REQUESTED",
              "comment",
              "Changes requested in the race.");
      inFlight.incrementAndGet();
      try {
        Response answer =
            via.postUntilFinal(
                stack.review().baseUrl() + "/api/v1/reviews/" + id + "/decisions",
                () -> via.reviewerToken(chair),
                body,
                key,
                r -> r.status() == 404,
                PATIENCE,
                attempt ->
                    history.decide(
                        Thread.currentThread().getName(),
                        id,
                        revision,
                        "CHANGES_REQUESTED",
                        key,
                        outcome(attempt),
                        attempt.status()));
        if (answer.status() >= 500) {
          unexpected.add("requesting changes on " + id + " r" + revision + ": " + answer);
        }
      } finally {
        inFlight.decrementAndGet();
      }
    }

    /** Withdraws the contribution once it reached revision {@code at}; the contribution is over. */
    private Void withdraw(String agency, String id, int at, AtomicBoolean over) {
      try {
        await("revision " + at + " of " + id)
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(100))
            .until(() -> read(agency, id).path("revision").asInt() >= at);
        String key = "withdraw-" + id;
        String reason = "Withdrawn in the race at r" + at + " or later (" + key + ").";
        Response answer =
            untilFinal(
                "withdrawing " + id,
                to ->
                    via.postOnce(
                        to.baseUrl() + "/api/v1/contributions/" + id + "/withdrawal",
                        via.agencyToken(agency),
                        Map.of("reason", reason),
                        null),
                attempt ->
                    history.withdraw(
                        Thread.currentThread().getName(),
                        id,
                        key,
                        reason,
                        outcome(attempt),
                        attempt.status()),
                r -> false);
        if (answer.status() == 200 && "WITHDRAWN".equals(answer.json().path("status").asString())) {
          withdrawn.incrementAndGet();
        } else if (answer.status() != 409) {
          unexpected.add("withdrawing " + id + ": " + answer);
        }
      } finally {
        over.set(true);
      }
      return null;
    }

    /** The contribution as its agency reads it now (a 404 is counted and read again). */
    private JsonNode read(String agency, String id) {
      Response got =
          untilFinal(
              "reading " + id,
              to ->
                  via.getOnce(
                      to.baseUrl() + "/api/v1/contributions/" + id, via.agencyToken(agency)),
              attempt -> {
                if (attempt.status() == 404) {
                  notFound.incrementAndGet();
                }
              },
              r -> r.status() == 404);
      assertThat(got.status()).as("reading %s: %s", id, got).isEqualTo(200);
      return got.json();
    }

    /**
     * Sends a request, each attempt to an instance of {@code live} picked at random, until its
     * answer is final (not a timeout, a connection error, a 502/503/504 or one {@code retryAlso}
     * accepts); tells {@code record} of every attempt.
     */
    private Response untilFinal(
        String what,
        java.util.function.Function<ServiceProcess, PlatformClient.Attempt> send,
        java.util.function.Consumer<PlatformClient.Attempt> record,
        java.util.function.Predicate<Response> retryAlso) {
      AtomicReference<Response> last = new AtomicReference<>();
      inFlight.incrementAndGet();
      try {
        await(what + " gets a final answer")
            .atMost(PATIENCE)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(300))
            .until(
                () -> {
                  List<ServiceProcess> now = List.copyOf(live);
                  PlatformClient.Attempt attempt;
                  try {
                    attempt =
                        send.apply(
                            now.get(
                                java.util.concurrent.ThreadLocalRandom.current()
                                    .nextInt(now.size())));
                  } catch (RuntimeException authorizationServerDown) {
                    return false;
                  }
                  record.accept(attempt);
                  if (!attempt.answered()) {
                    return false;
                  }
                  last.set(attempt.response());
                  int status = attempt.status();
                  return status != 502
                      && status != 503
                      && status != 504
                      && !retryAlso.test(attempt.response());
                });
      } finally {
        inFlight.decrementAndGet();
      }
      return last.get();
    }

    /** Waits until {@code more} contributions went from submission to withdrawal. */
    void awaitProgress(int more) throws Exception {
      awaitGrowth("the revisions go on", completed::get, more, workers);
    }

    @Override
    public void close() throws Exception {
      if (closed) {
        return;
      }
      closed = true;
      running.set(false);
      pool.shutdown();
      try {
        for (Future<?> worker : workers) {
          worker.get(PATIENCE.toSeconds() * 3, TimeUnit.SECONDS);
        }
      } finally {
        racers.shutdownNow();
      }
    }
  }

  /**
   * Clients that submit and, as soon as each submission is accepted, approve it, without pause,
   * until closed: at any moment submissions and decisions are in flight at both services.
   */
  private static final class Load implements AutoCloseable {
    final List<String> ids = new java.util.concurrent.CopyOnWriteArrayList<>();
    final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    Load(String label, int clients) {
      PlatformClient via =
          new PlatformClient(stack.authServer().orElseThrow().baseUrl(), Duration.ofSeconds(60));
      AtomicInteger sequence = new AtomicInteger();
      pool = Executors.newFixedThreadPool(clients);
      for (int c = 0; c < clients; c++) {
        workers.add(
            pool.submit(
                () -> {
                  while (running.get()) {
                    int n = sequence.incrementAndGet();
                    inFlight.incrementAndGet();
                    try {
                      String id = submitOne(via, AGENCIES.get(n % AGENCIES.size()), label, n);
                      approve(id);
                      ids.add(id);
                    } finally {
                      inFlight.decrementAndGet();
                    }
                  }
                  return null;
                }));
      }
    }

    /** Waits until {@code more} submissions were accepted and approved (fails if a client died). */
    void awaitProgress(int more) throws Exception {
      awaitGrowth("the load goes on", ids::size, more, workers);
    }

    @Override
    public void close() throws Exception {
      running.set(false);
      pool.shutdown();
      for (Future<?> worker : workers) {
        worker.get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Waits until {@code count} grew by {@code more}; fails at once with the error of a client of
   * {@code workers} that died.
   */
  private static void awaitGrowth(
      String what, java.util.function.IntSupplier count, int more, List<Future<?>> workers)
      throws Exception {
    int target = count.getAsInt() + more;
    await(what)
        .atMost(PATIENCE)
        .until(() -> count.getAsInt() >= target || workers.stream().anyMatch(Future::isDone));
    for (Future<?> worker : workers) {
      if (worker.isDone()) {
        worker.get();
      }
    }
  }

  /**
   * Writes a record that is not Avro to an input topic, as its owner (a release of it with a broken
   * serializer); {@code refusers} services read it.
   */
  private static void poisonWhileRunning(Topic<?> topic, int refusers) throws Exception {
    try (KafkaProducer<String, byte[]> producer = ownerProducer(topic)) {
      RecordMetadata at =
          producer
              .send(
                  new ProducerRecord<>(
                      topic.name(),
                      "poison-" + UUID.randomUUID(),
                      "{not Avro either}".getBytes(StandardCharsets.UTF_8)))
              .get(30, TimeUnit.SECONDS);
      history.poison(coordinate(at), refusers);
    }
  }

  /** The approvals of the suite's call on the reviews topic, by contribution id. */
  private static Map<String, List<ReviewEvent>> approvals(EventLog log) {
    Map<String, List<ReviewEvent>> approvals = new HashMap<>();
    for (EventLog.Logged<ReviewEvent> event : log.reviews()) {
      ReviewEvent review = event.value();
      if (review.getProcessId().equals(processId)
          && review.getPayload() instanceof DecisionRecorded recorded
          && recorded.getOutcome() == Decision.APPROVED) {
        approvals.computeIfAbsent(review.getContributionId(), id -> new ArrayList<>()).add(review);
      }
    }
    return approvals;
  }

  /** The content each contribution of the suite's call was submitted with. */
  private static Map<String, ContributionContent> submittedTexts(EventLog log) {
    Map<String, ContributionContent> texts = new HashMap<>();
    for (EventLog.Logged<ContributionEvent> event : log.contributions()) {
      if (event.value().getProcessId().equals(processId)
          && event.value().getPayload() instanceof ContributionSubmitted submitted) {
        texts.putIfAbsent(event.value().getContributionId(), submitted.getContent());
      }
    }
    return texts;
  }

  /** Every edition of the suite's call's record on the topic, in the order they were written. */
  private static List<RecordEdition> editions(EventLog log) {
    return log.records().stream()
        .filter(e -> e.value().getProcessId().equals(processId))
        .map(e -> e.value().getPayload())
        .filter(RecordEdition.class::isInstance)
        .map(RecordEdition.class::cast)
        .toList();
  }

  private static List<String> ids(RecordEdition edition) {
    return edition.getEntries().stream().map(EntryRef::getContributionId).toList();
  }

  /** What makes two submissions the same one for every fold: who, where, which revision, what. */
  private static List<Object> submittedAs(ContributionEvent event) {
    return List.of(
        event.getAgency(), event.getProcessId(), event.getRevision(), event.getPayload());
  }

  /**
   * POSTs a submission until its answer is final (retrying as {@link PlatformClient} does) and
   * records every attempt in the history.
   */
  private static Response submitUntilFinal(
      PlatformClient via,
      String agency,
      Map<String, Object> body,
      String key,
      java.util.function.Predicate<Response> retryAlso) {
    return via.postUntilFinal(
        stack.contributions().baseUrl() + "/api/v1/contributions",
        () -> via.agencyToken(agency),
        body,
        key,
        retryAlso,
        PATIENCE,
        attempt -> recordSubmission(agency, key, body, attempt));
  }

  private static void recordSubmission(
      String agency, String key, Map<String, Object> body, PlatformClient.Attempt attempt) {
    History.Text text =
        new History.Text(
            (String) body.get("title"), (String) body.get("summary"), (String) body.get("body"));
    History.Outcome outcome = outcome(attempt);
    history.add(
        Thread.currentThread().getName(),
        History.Type.SUBMIT,
        agency,
        key,
        text,
        outcome == History.Outcome.OK ? attempt.response().json().path("id").asString() : null,
        1,
        null,
        outcome,
        attempt.status(),
        attempt.error() == null ? null : attempt.error().toString());
  }

  /**
   * What an attempt tells its client: a 2xx is done, a 502/503/504 or no answer (a timeout, a reset
   * or refused connection) leaves it unknown, any other answer is a definite refusal.
   */
  private static History.Outcome outcome(PlatformClient.Attempt attempt) {
    int status = attempt.status();
    if (!attempt.answered() || status == 502 || status == 503 || status == 504) {
      return History.Outcome.UNKNOWN;
    }
    return status >= 200 && status < 300 ? History.Outcome.OK : History.Outcome.FAILED;
  }

  @org.junit.jupiter.api.BeforeEach
  void markTheHistory() {
    operationsBefore = history.size();
    Map<EventLog.Partition, Long> ends;
    try {
      ends = EventLogReader.endOffsets(observer());
    } catch (RuntimeException brokerUnreachable) {
      // Left down by a failed test: this test's checker then also reports the earlier findings.
      System.out.println("the ends of the topics are unknown: " + brokerUnreachable);
      ends = Map.of();
    }
    scope = new HistoryChecker.Scope(operationsBefore, ends);
  }

  /**
   * Checks the whole history so far against every topic read from the beginning (waiting, within
   * the propagation time, for the services to catch up), prints this scenario's operations, the
   * events per topic and the verdicts, and fails unless every verdict holds for what happened in
   * this scenario (the findings an earlier scenario's checker reported are left out, counted as
   * {@code earlier-findings}).
   */
  private static void checkTheHistory(String scenario) {
    AtomicReference<HistoryChecker.Report> report = new AtomicReference<>();
    try {
      await("every verdict of the history checker holds after " + scenario)
          .atMost(PROPAGATION)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> {
                report.set(
                    HistoryChecker.check(
                        history, EventLogReader.read(observer(), stack.registryUrl()), scope));
                return report.get().clean();
              });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      // Fail below with the verdicts.
    }
    List<History.Operation> these =
        history.operations().subList(operationsBefore, history.operations().size());
    System.out.printf(
        "scenario %s: operations invoked=%d ok=%d failed=%d unknown=%d; whole run: %s%n",
        scenario,
        these.size(),
        these.stream().filter(o -> o.outcome() == History.Outcome.OK).count(),
        these.stream().filter(o -> o.outcome() == History.Outcome.FAILED).count(),
        these.stream().filter(o -> o.outcome() == History.Outcome.UNKNOWN).count(),
        report.get());
    assertThat(report.get())
        .as("a report of the history checker within %s", PROPAGATION)
        .isNotNull();
    assertThat(report.get().clean())
        .as("the history checker's verdicts: %s", report.get())
        .isTrue();
  }

  private static EventLog.Coordinate coordinate(RecordMetadata at) {
    return new EventLog.Coordinate(at.topic(), at.partition(), at.offset());
  }

  /** Every accepted contribution as its agency reads it (GET), by id. */
  private static Map<String, JsonNode> snapshot(Map<String, String> contributions) {
    Map<String, JsonNode> answers = new HashMap<>();
    contributions.forEach(
        (id, agency) -> {
          PlatformClient.Attempt got =
              client.getOnce(
                  stack.contributions().baseUrl() + "/api/v1/contributions/" + id,
                  client.agencyToken(agency));
          if (got.status() == 200) {
            answers.put(id, got.response().json());
          }
        });
    return answers;
  }

  private static Map<String, Object> submission(String title, String body) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("processId", processId);
    request.put("title", title);
    request.put("summary", title + ": in brief.");
    request.put("body", body);
    request.put("language", "EN");
    request.put("actionLines", List.of("C7"));
    request.put("sdgs", List.of(9, 17));
    request.put("links", List.of());
    return request;
  }

  /** Submits {@code count} inputs from the agencies in turn, {@code threads} at a time. */
  private static List<String> submitConcurrently(int count, String label, int threads)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(pool.submit(() -> submitOne(AGENCIES.get(n % AGENCIES.size()), label, n)));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> future : futures) {
        ids.add(future.get(PATIENCE.toSeconds() + 30, TimeUnit.SECONDS));
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * One submission with its own Idempotency-Key, retried with that key until it is accepted (a
   * refusal of the just-opened call, not yet read by the intake, is retried too).
   */
  private static String submitOne(String agency, String label, int n) {
    return submitOne(client, agency, label, n);
  }

  private static String submitOne(PlatformClient via, String agency, String label, int n) {
    String key = label + "-" + n + "-" + UUID.randomUUID();
    Map<String, Object> body =
        submission(
            agency + " input " + label + " #" + n,
            "Input " + n + " of " + agency + " (" + label + "), idempotency key " + key + ".");
    Response created =
        submitUntilFinal(
            via, agency, body, key, r -> r.status() == 422 && r.body().contains("unknown-process"));
    assertThat(created.status()).as("submitting %s: %s", key, created).isEqualTo(201);
    String id = created.json().path("id").asString();
    accepted.put(id, agency);
    return id;
  }

  /**
   * The chair approves revision 1, with an Idempotency-Key, retrying while review-service is down
   * or has not read the contribution yet. The final answer is a {@code 201}, or a {@code 409
   * ALREADY_DECIDED} when an earlier attempt whose answer was lost (a timeout, a 503) was written
   * and its key not remembered; which of the two happened is checked on the reviews topic.
   */
  private static void approve(String contributionId) {
    Map<String, Object> decision = Map.of("revision", 1, "decision", "APPROVED");
    Supplier<String> token = () -> client.reviewerToken(chair);
    String key = "approve-" + contributionId;
    Response answer =
        client.postUntilFinal(
            stack.review().baseUrl() + "/api/v1/reviews/" + contributionId + "/decisions",
            token,
            decision,
            key,
            r -> r.status() == 404 || (r.status() == 409 && !alreadyApproved(contributionId)),
            PATIENCE,
            attempt ->
                history.decide(
                    Thread.currentThread().getName(),
                    contributionId,
                    1,
                    "APPROVED",
                    key,
                    outcome(attempt),
                    attempt.status()));
    if (answer.status() == 201) {
      approved.add(contributionId);
    } else {
      assertThat(answer.status()).as("approving %s: %s", contributionId, answer).isEqualTo(409);
      assertThat(answer.json().path("reason").asString())
          .as("approving %s: %s", contributionId, answer)
          .isEqualTo("ALREADY_DECIDED");
    }
  }

  private static boolean alreadyApproved(String contributionId) {
    String token;
    try {
      token = client.reviewerToken(chair);
    } catch (RuntimeException authorizationServerDown) {
      return false;
    }
    PlatformClient.Attempt item =
        client.getOnce(
            stack.contributions().baseUrl() + "/api/v1/contributions/" + contributionId, token);
    return item.status() == 200
        && "APPROVED".equals(item.response().json().path("status").asString());
  }

  private static void awaitInRecord(List<String> ids) {
    await("the record lists " + ids)
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              RebuiltRecord record =
                  RecordTopicReader.readAll(
                          stack.kafkaClientProperties(BrokerAccess.RECORDS_READER),
                          stack.registryUrl())
                      .get(processId);
              return record != null
                  && record.entries().stream()
                      .map(RecordEntry::getContributionId)
                      .toList()
                      .containsAll(ids);
            });
  }

  /** A well-formed ReviewEvent the domain refuses: its key is not its contribution's id. */
  private static byte[] refusedDecision(String topic) {
    ReviewEvent event =
        ReviewEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
            .setActor(
                Actor.newBuilder()
                    .setAgency(chair)
                    .setPrincipal("fault-tests")
                    .setRole(ActorRole.CHAIR)
                    .build())
            .setContributionId(UUID.randomUUID().toString())
            .setProcessId("faults-poison")
            .setAgency(AGENCIES.get(0))
            .setRevision(1)
            .setPayload(
                DecisionRecorded.newBuilder()
                    .setDecision(Decision.APPROVED)
                    .setComment(null)
                    .setOutcome(Decision.APPROVED)
                    .build())
            .build();
    Map<String, Object> config = new HashMap<>();
    config.put("schema.registry.url", stack.registryUrl());
    config.put("basic.auth.credentials.source", "USER_INFO");
    config.put("basic.auth.user.info", PlatformStack.REGISTRY_USER_INFO);
    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(config, false);
      return serializer.serialize(topic, event);
    }
  }

  private static ContributionEvent v1Submission(String id, String agency, String title) {
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setActor(
            Actor.newBuilder()
                .setAgency(agency)
                .setPrincipal("intake-v2@" + agency.toLowerCase(java.util.Locale.ROOT) + ".int")
                .setRole(ActorRole.AGENCY)
                .build())
        .setContributionId(id)
        .setProcessId(processId)
        .setAgency(agency)
        .setRevision(1)
        .setPayload(
            ContributionSubmitted.newBuilder()
                .setContent(
                    ContributionContent.newBuilder()
                        .setTitle(title)
                        .setSummary("Written by a producer on version 2 of the event.")
                        .setBody("The v1 services must read it while they run.")
                        .setLanguage(Language.EN)
                        .setActionLines(List.of(ActionLine.C7))
                        .setSdgs(List.of(9))
                        .setLinks(List.of())
                        .build())
                .build())
        .build();
  }

  private static Schema.Field optionalString(String name, String doc) {
    return new Schema.Field(
        name,
        Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
        doc,
        Schema.Field.NULL_DEFAULT_VALUE);
  }

  /** The record schema with one more field at the end. */
  private static Schema withField(Schema schema, Schema.Field added) {
    List<Schema.Field> fields = new ArrayList<>();
    schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(added);
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  /** The record schema with one field's type replaced. */
  private static Schema withFieldType(Schema schema, String name, Schema type) {
    List<Schema.Field> fields = new ArrayList<>();
    schema
        .getFields()
        .forEach(
            f ->
                fields.add(
                    f.name().equals(name)
                        ? new Schema.Field(f.name(), type, f.doc())
                        : new Schema.Field(f, f.schema())));
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  /** A call of the registry's REST API with a schema as the body. */
  private static Response registry(String method, String path, Schema schema) throws Exception {
    String body =
        tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .writeValueAsString(Map.of("schema", schema.toString()));
    java.net.http.HttpResponse<String> answer =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(stack.registryUrl() + path))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    // as a producer team registers: the registry's writer
                    .header(
                        "Authorization",
                        "Basic "
                            + java.util.Base64.getEncoder()
                                .encodeToString(
                                    PlatformStack.REGISTRY_USER_INFO.getBytes(
                                        java.nio.charset.StandardCharsets.UTF_8)))
                    .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    return new Response(answer.statusCode(), answer.body(), answer.headers().map());
  }

  /**
   * A producer of raw bytes signed in as the topic's owner (its service's principal): on the
   * platform's broker no other principal but the operator may write the topic, so a record no
   * service would write (garbage, a decision keyed otherwise, an event of a newer schema) reaches
   * the topic from a release of its owner, which is what these faults stand for.
   */
  private static KafkaProducer<String, byte[]> ownerProducer(Topic<?> topic) {
    Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties(topic.owner()));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  private static Map<String, List<ConsumerRecord<byte[], byte[]>>> awaitDeadLetters(
      String dlt, Set<String> keys) {
    Map<String, List<ConsumerRecord<byte[], byte[]>>> found = new HashMap<>();
    await("dead letters of " + keys + " on " + dlt)
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              found.clear();
              for (String key : keys) {
                List<ConsumerRecord<byte[], byte[]>> records = readAll(dlt, key, 0);
                if (records.isEmpty()) {
                  return false;
                }
                found.put(key, records);
              }
              return true;
            });
    return found;
  }

  private static void assertDeadLetter(
      List<ConsumerRecord<byte[], byte[]>> letters, byte[] original, RecordMetadata at) {
    assertThat(letters).isNotEmpty();
    for (ConsumerRecord<byte[], byte[]> letter : letters) {
      assertThat(letter.value()).as("the original bytes").isEqualTo(original);
      assertThat(header(letter, "kafka_dlt-original-topic")).isEqualTo(at.topic());
      Header partition = letter.headers().lastHeader("kafka_dlt-original-partition");
      Header offset = letter.headers().lastHeader("kafka_dlt-original-offset");
      assertThat(ByteBuffer.wrap(partition.value()).getInt()).isEqualTo(at.partition());
      assertThat(ByteBuffer.wrap(offset.value()).getLong()).isEqualTo(at.offset());
      assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotBlank();
    }
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return new String(header.value(), StandardCharsets.UTF_8);
  }

  /** Every record of a topic with the key, read from the beginning to the current end. */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(
      String topic, String key, int atLeast) {
    List<ConsumerRecord<byte[], byte[]>> matching = new ArrayList<>();
    await("at least " + atLeast + " records with key " + key + " on " + topic)
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              matching.clear();
              matching.addAll(readTopic(topic, key));
              return matching.size() >= atLeast;
            });
    return matching;
  }

  /** The operator's sign-in as a Kafka tool's {@code --command-config} file. */
  private static Path operatorConfig() throws java.io.IOException {
    java.util.Properties properties = new java.util.Properties();
    observer().forEach((key, value) -> properties.setProperty(key, value.toString()));
    properties.remove(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    Path file = workDir.resolve("operator.properties");
    try (java.io.Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      properties.store(out, "the operator's sign-in (the local stack's super user)");
    }
    return file;
  }

  /**
   * How the suite reads the topics and their dead-letter topics: as the operator, the broker's
   * super user, since no principal of the platform reads every topic and dead-letter topic.
   */
  private static Map<String, Object> observer() {
    return stack.adminClientProperties();
  }

  private static List<ConsumerRecord<byte[], byte[]>> readTopic(String topic, String key) {
    byte[] wanted = key.getBytes(StandardCharsets.UTF_8);
    return EventLogReader.readAll(observer(), topic).stream()
        .filter(r -> r.key() != null && java.util.Arrays.equals(r.key(), wanted))
        .toList();
  }

  /**
   * Runs the operator's command {@code bin/replay-dead-letters} (which runs this module's exec jar,
   * built in {@code package}) as the operator runs it on the local stack: signed in as the super
   * user, from a {@code --command-config} file (it writes to a topic only the topic's owner may
   * write, and reads the dead-letter topic); returns its output.
   */
  private static String replay(String... args) throws Exception {
    Path jar = Path.of("target", "fault-tests-0.1.0-SNAPSHOT-exec.jar").toAbsolutePath();
    assertThat(jar).as("the replay command's exec jar (built in package)").exists();
    Path script = Path.of("..", "bin", "replay-dead-letters").toAbsolutePath().normalize();
    assertThat(script).as("the operator's script").exists();
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(script.toString());
    command.add("--bootstrap-servers");
    command.add(stack.bootstrapServers());
    command.add("--command-config");
    command.add(operatorConfig().toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(workDir, "replay", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().put("REPLAY_JAVA_OPTS", "-Xmx128m -XX:TieredStopAtLevel=1");
    Process process = builder.start();
    boolean ended = process.waitFor(120, TimeUnit.SECONDS);
    if (!ended) {
      process.destroyForcibly();
    }
    String text = Files.readString(output);
    System.out.println("replay-dead-letters " + String.join(" ", args) + ":\n" + text);
    assertThat(ended).as("the replay command ends").isTrue();
    assertThat(process.exitValue()).as("exit code; output:%n%s", text).isZero();
    return text;
  }
}
