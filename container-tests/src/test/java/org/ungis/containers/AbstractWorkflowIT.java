package org.ungis.containers;

import static org.apache.kafka.clients.CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.util.FileSystemUtils;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.contributions.ContributionsServiceApplication;
import org.ungis.e2e.Caller;
import org.ungis.e2e.HttpJson;
import org.ungis.e2e.HttpJson.Response;
import org.ungis.e2e.RecordTopicReader;
import org.ungis.e2e.RecordTopicReader.RebuiltRecord;
import org.ungis.e2e.WorkflowSteps;
import org.ungis.events.record.RecordEntry;
import org.ungis.publication.PublicationServiceApplication;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;
import org.ungis.review.ReviewServiceApplication;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;

/**
 * The workflow across the three services, driven over HTTP with real tokens: a chair opens a call,
 * two agencies submit, the chair requests changes on one, it is revised, both are approved, and the
 * published record lists both, over HTTP and on the records topic.
 *
 * <p>contributions-service, review-service and publication-service run in this JVM, each as the
 * Spring application of its main class with its own {@code application.yml}, port and state
 * directory, next to the real authorization server ({@link EmbeddedAuthServer}). A subclass
 * supplies Kafka and the schema registry: the services are child contexts of a parent context that
 * holds nothing but the {@link KafkaConnectionDetails}, so every service gets its broker the way a
 * Spring Boot application gets it from {@code @ServiceConnection}, and the schema registry's URL as
 * {@code spring.kafka.properties.schema.registry.url}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractWorkflowIT {

  private static final Duration READY = Duration.ofSeconds(120);
  private static final Duration PROPAGATION = Duration.ofSeconds(60);

  /** Steps of the random workflow: enough for every kind of step, within about half a minute. */
  private static final int RANDOM_STEPS = 25;

  /** Two members that sit on no rota, so that any chair may decide on both. */
  private static final String FIRST_AGENCY = "UNECA";

  private static final String SECOND_AGENCY = "ILO";

  private ConfigurableApplicationContext connections;
  private EmbeddedAuthServer auth;
  private Path stateRoot;
  private final List<InProcessService> services = new ArrayList<>();
  private InProcessService contributions;
  private InProcessService review;
  private InProcessService publication;

  /**
   * Starts Kafka and the schema registry if the subclass runs them itself, and returns the
   * configuration of the services' parent context: it must declare (or obtain through {@code
   * ServiceConnection}) exactly one {@link KafkaConnectionDetails} and nothing a service would
   * mistake for its own beans.
   */
  protected abstract Class<?> startKafkaAndRegistry();

  /** The schema registry's base URL, as the services and a downstream consumer reach it. */
  protected abstract String schemaRegistryUrl();

  /**
   * The Kafka settings of one service beyond the connection details, e.g. its broker credentials
   * ({@code spring.kafka.properties.sasl.jaas.config}); none by default.
   */
  protected Map<String, String> kafkaPropertiesOf(String service) {
    return Map.of();
  }

  /** The consumer properties of a downstream reader of the records topic. */
  protected Map<String, Object> recordsReaderProperties() {
    return Map.of(BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
  }

  /** Stops what {@link #startKafkaAndRegistry()} started; after the services have stopped. */
  protected void stopKafkaAndRegistry() {}

  @BeforeAll
  void startThePlatform() throws IOException {
    Class<?> connectionConfiguration = startKafkaAndRegistry();
    connections =
        new SpringApplicationBuilder(connectionConfiguration)
            .main(connectionConfiguration)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .registerShutdownHook(false)
            // No configuration file: the parent's environment is merged into each service's.
            .properties(
                "spring.config.name=container-tests-connections", "spring.jmx.enabled=false")
            .run();
    auth = EmbeddedAuthServer.start();
    stateRoot = Files.createTempDirectory("ungis-container-tests");

    contributions = start("contributions-service", ContributionsServiceApplication.class, Map.of());
    review = start("review-service", ReviewServiceApplication.class, Map.of());
    publication =
        start(
            "publication-service",
            PublicationServiceApplication.class,
            Map.of(
                // Built without Spring Security (its records are public); the other two bring it.
                "ungis.security.enabled",
                "false",
                "spring.autoconfigure.exclude",
                InProcessService.securityAutoConfigurations()));
    for (InProcessService service : services) {
      await(service.name() + " is ready")
          .atMost(READY)
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> HttpJson.get(service.baseUrl() + "/actuator/health/readiness").status() == 200);
    }
  }

  /** The broker as the connection details give it, e.g. {@code localhost:41234}. */
  private String bootstrapServers() {
    return String.join(
        ",", connections.getBean(KafkaConnectionDetails.class).getBootstrapServers());
  }

  private InProcessService start(String name, Class<?> mainClass, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("spring.kafka.properties.schema.registry.url", schemaRegistryUrl());
    properties.put("spring.kafka.streams.state-dir", stateRoot.resolve(name).toString());
    properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", auth.issuer());
    properties.putAll(kafkaPropertiesOf(name));
    properties.putAll(extra);
    InProcessService service = InProcessService.start(name, mainClass, connections, properties);
    services.add(service);
    return service;
  }

  @AfterAll
  void stopThePlatform() {
    for (int i = services.size() - 1; i >= 0; i--) {
      services.get(i).close();
    }
    if (auth != null) {
      auth.close();
    }
    if (connections != null) {
      connections.close();
    }
    stopKafkaAndRegistry();
    if (stateRoot != null) {
      FileSystemUtils.deleteRecursively(stateRoot.toFile());
    }
  }

  @Test
  void everyServiceConnectsItsKafkaClientsToTheBrokerOfTheConnectionDetails() {
    KafkaConnectionDetails provided = connections.getBean(KafkaConnectionDetails.class);
    String servers = bootstrapServers();
    assertThat(provided.getBootstrapServers()).isNotEmpty();
    for (InProcessService service : services) {
      ConfigurableApplicationContext context = service.context();
      assertThat(context.getBean(KafkaConnectionDetails.class))
          .as("the KafkaConnectionDetails of %s", service.name())
          .isSameAs(provided);
      context
          .getBeansOfType(KafkaStreamsConfiguration.class)
          .forEach(
              (name, streams) ->
                  assertThat(servers(streams.asProperties().get(BOOTSTRAP_SERVERS_CONFIG)))
                      .as("bootstrap.servers of %s's %s", service.name(), name)
                      .isEqualTo(servers));
      context
          .getBeansOfType(ProducerFactory.class)
          .forEach(
              (name, producers) ->
                  assertThat(
                          servers(
                              producers.getConfigurationProperties().get(BOOTSTRAP_SERVERS_CONFIG)))
                      .as("bootstrap.servers of %s's %s", service.name(), name)
                      .isEqualTo(servers));
    }
  }

  private static String servers(Object configured) {
    return configured instanceof Collection<?> list
        ? list.stream().map(String::valueOf).collect(Collectors.joining(","))
        : String.valueOf(configured);
  }

  @Test
  void twoAgenciesSubmitOneIsRevisedOnRequestBothAreApprovedAndTheRecordListsBoth() {
    Period rota =
        Roster.load()
            .periodAt(Instant.now())
            .orElseThrow(() -> new AssertionError("the bundled roster has no period for today"));
    assertThat(rota.chairs()).doesNotContain(FIRST_AGENCY, SECOND_AGENCY);
    assertThat(rota.viceChairs()).doesNotContain(FIRST_AGENCY, SECOND_AGENCY);
    String chairAgency = rota.chairs().stream().sorted().findFirst().orElseThrow();
    Caller chair =
        Caller.bearer(
            auth.reviewerToken("reviewer-" + chairAgency.toLowerCase(Locale.ROOT) + "-1"));
    Caller first = Caller.bearer(auth.intakeToken(FIRST_AGENCY));
    Caller second = Caller.bearer(auth.intakeToken(SECOND_AGENCY));
    String processId = "it-" + UUID.randomUUID().toString().substring(0, 8);

    Response opened =
        HttpJson.post(
            review.baseUrl() + "/api/v1/processes",
            chair,
            Map.of(
                "id",
                processId,
                "title",
                "UNGIS joint input to the workflow test",
                "description",
                "A call opened by the workflow integration test.",
                "deadline",
                Instant.now().plus(7, ChronoUnit.DAYS).toString()));
    assertThat(opened.status()).as("opening the call: %s", opened).isEqualTo(201);

    String originalBody = "Africa's digital transformation strategy 2020-2030 sets the priorities.";
    String revisedBody =
        originalBody + " In 2022, 40 per cent of Africa's population used the Internet.";
    String firstId =
        steps()
            .submitWithKey(
                first,
                processId,
                "Digital transformation in Africa",
                originalBody,
                List.of("C7"),
                UUID.randomUUID().toString());
    String secondId =
        steps()
            .submitWithKey(
                second,
                processId,
                "Decent work in the platform economy",
                "Digital labour platforms need fair working conditions.",
                List.of("C7", "C10"),
                UUID.randomUUID().toString());

    String comment = "Please add figures on connectivity in Africa.";
    steps().decide(chair, firstId, 1, "CHANGES_REQUESTED", comment);
    JsonNode changesRequested =
        steps()
            .awaitContribution(
                firstId, first, c -> c.path("status").asString().equals("CHANGES_REQUESTED"));
    assertThat(changesRequested.path("decisions").toString()).contains(comment);

    Map<String, Object> revision =
        new LinkedHashMap<>(
            WorkflowSteps.content("Digital transformation in Africa", revisedBody, List.of("C7")));
    revision.put("note", "Added the connectivity figures the chair asked for.");
    revision.put("expectedRevision", 1);
    Response revised =
        HttpJson.put(contributions.baseUrl() + "/api/v1/contributions/" + firstId, first, revision);
    assertThat(revised.status()).as("revising: %s", revised).isEqualTo(200);
    assertThat(revised.json().path("revision").asInt()).isEqualTo(2);

    steps().decide(chair, firstId, 2, "APPROVED", null);
    steps().decide(chair, secondId, 1, "APPROVED", null);
    steps().awaitContribution(firstId, first, c -> c.path("status").asString().equals("APPROVED"));
    steps()
        .awaitContribution(secondId, second, c -> c.path("status").asString().equals("APPROVED"));

    // The published record lists both, the first in its revised text: over HTTP ...
    String recordUrl = publication.baseUrl() + "/api/v1/records/" + processId;
    AtomicReference<JsonNode> record = new AtomicReference<>();
    await("the record lists both approved inputs")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              Response r = HttpJson.get(recordUrl);
              assertThat(r.status()).as("GET %s: %s", recordUrl, r).isEqualTo(200);
              assertThat(r.json().path("entries").size()).isEqualTo(2);
              assertThat(WorkflowSteps.entryOf(r.json(), FIRST_AGENCY).path("revision").asInt())
                  .isEqualTo(2);
              record.set(r.json());
            });
    assertThat(WorkflowSteps.entryOf(record.get(), FIRST_AGENCY).findValue("body").asString())
        .isEqualTo(revisedBody);
    assertThat(WorkflowSteps.entryOf(record.get(), SECOND_AGENCY).findValue("title").asString())
        .isEqualTo("Decent work in the platform economy");

    // ... and on the records topic, read by a plain consumer through the schema registry.
    Map<String, Object> reader = recordsReaderProperties();
    AtomicReference<RebuiltRecord> fromKafka = new AtomicReference<>();
    await("the records topic holds an edition listing both")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              RebuiltRecord rebuilt =
                  RecordTopicReader.readAll(reader, schemaRegistryUrl()).get(processId);
              assertThat(rebuilt).as("a record for %s on the topic", processId).isNotNull();
              assertThat(rebuilt.entries()).hasSize(2);
              fromKafka.set(rebuilt);
            });
    RecordEntry revisedEntry = fromKafka.get().entryOf(FIRST_AGENCY).orElseThrow();
    assertThat(revisedEntry.getContributionId()).isEqualTo(firstId);
    assertThat(revisedEntry.getRevision()).isEqualTo(2);
    assertThat(revisedEntry.getContent().getBody()).isEqualTo(revisedBody);
    assertThat(fromKafka.get().edition().getEdition())
        .isEqualTo(record.get().path("edition").asInt());
  }

  /**
   * One truth: a seeded random workflow, after each step of which contributions-service,
   * review-service and publication-service say the same of every contribution (see {@link
   * RandomWorkflow}). The seed is printed; {@code -Dungis.workflow.seed=<seed>} replays a run.
   */
  @Test
  void aRandomWorkflowLooksTheSameInEveryServiceAfterEachStep() {
    long seed = Long.getLong("ungis.workflow.seed", new Random().nextLong());
    System.out.println(
        "[random workflow] seed " + seed + " (replay: -Dungis.workflow.seed=" + seed + ")");
    Map<String, String> tokens = new ConcurrentHashMap<>();
    RandomWorkflow workflow =
        new RandomWorkflow(
            seed,
            Roster.load().periodAt(Instant.now()).orElseThrow(),
            agency -> tokens.computeIfAbsent("intake/" + agency, k -> auth.intakeToken(agency)),
            reviewer -> tokens.computeIfAbsent(reviewer, auth::reviewerToken),
            contributions.baseUrl(),
            review.baseUrl(),
            publication.baseUrl(),
            PROPAGATION);
    try {
      workflow.run(RANDOM_STEPS);
      System.out.println(
          "[random workflow] " + String.join("\n[random workflow] ", workflow.log()));
    } catch (AssertionError e) {
      throw new AssertionError(
          "seed " + seed + ", steps:\n  " + String.join("\n  ", workflow.log()), e);
    }
  }

  @Test
  void theServicesRegisterTheirSchemasUnderTheTopicNamesAndPinTheRecordsCompatibility() {
    // Every topic's owner among the services running here has written to it by the time a call's
    // record is published (notification-service does not run here); the workflow above may run
    // after this test, so wait for the subjects rather than assume them.
    List<String> subjects =
        Topics.ALL.stream()
            .filter(topic -> !topic.owner().equals("notification-service"))
            .map(topic -> topic.valueSubject())
            .sorted()
            .toList();
    openACallAndPublishItsRecord();
    await("every topic's value subject in the registry")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              Response r = HttpJson.get(schemaRegistryUrl() + "/subjects");
              assertThat(r.status()).isEqualTo(200);
              List<String> registered = new ArrayList<>();
              r.json().forEach(s -> registered.add(s.asString()));
              assertThat(registered).containsAll(subjects);
            });
    Response level = HttpJson.get(schemaRegistryUrl() + "/config/" + Topics.RECORDS.valueSubject());
    assertThat(level.status()).as("%s", level).isEqualTo(200);
    assertThat(level.json().path("compatibilityLevel").asString())
        .isEqualTo(Topics.RECORDS.compatibility().toString());
  }

  /** A call with one approved input, so that every topic has been written to. */
  private void openACallAndPublishItsRecord() {
    Period rota = Roster.load().periodAt(Instant.now()).orElseThrow();
    String chairAgency = rota.chairs().stream().sorted().findFirst().orElseThrow();
    Caller chair =
        Caller.bearer(
            auth.reviewerToken("reviewer-" + chairAgency.toLowerCase(Locale.ROOT) + "-1"));
    Caller agency = Caller.bearer(auth.intakeToken(SECOND_AGENCY));
    String processId = "it-" + UUID.randomUUID().toString().substring(0, 8);
    Response opened =
        HttpJson.post(
            review.baseUrl() + "/api/v1/processes",
            chair,
            Map.of(
                "id",
                processId,
                "title",
                "UNGIS input on the schema contract",
                "description",
                "A call opened to see every topic written.",
                "deadline",
                Instant.now().plus(7, ChronoUnit.DAYS).toString()));
    assertThat(opened.status()).as("opening the call: %s", opened).isEqualTo(201);
    String id =
        steps()
            .submitWithKey(
                agency,
                processId,
                "Labour statistics for the digital economy",
                "Measuring platform work.",
                List.of("C7"),
                UUID.randomUUID().toString());
    steps().decide(chair, id, 1, "APPROVED", null);
    await("the record of " + processId)
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () ->
                HttpJson.get(publication.baseUrl() + "/api/v1/records/" + processId).status()
                    == 200);
  }

  private WorkflowSteps steps() {
    return new WorkflowSteps(contributions.baseUrl(), review.baseUrl(), PROPAGATION);
  }
}
