package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.e2e.HttpJson.Response;
import org.ungis.e2e.RecordTopicReader.RebuiltRecord;
import org.ungis.events.record.RecordEntry;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;
import tools.jackson.databind.JsonNode;

/**
 * The workflow end to end, against the real processes: a KRaft broker, the schema registry and the
 * three services, each started from its exec jar. A chair opens a call, two agencies submit, the
 * chair requests changes on one, it is revised, both are approved, and the record's latest edition
 * lists both with the revised text: over HTTP (JSON and HTML) and on the records topic, read by a
 * plain Kafka consumer with the Confluent-format deserializer. Then publication-service is killed
 * (SIGKILL), its local state deleted, and started again: it serves the same record, rebuilt from
 * Kafka.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowEndToEndIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(60);

  /** Two members that sit on no rota, so that any chair may decide on both. */
  private static final String FIRST_AGENCY = "UNECA";

  private static final String SECOND_AGENCY = "ILO";

  @TempDir static Path workDir;

  static PlatformStack stack;

  @RegisterExtension
  static final PrintLogsOnFailure PRINT_LOGS_ON_FAILURE = new PrintLogsOnFailure(() -> stack, 150);

  @BeforeAll
  static void startThePlatform() {
    stack = PlatformStack.builder(workDir).gateway(true).start();
  }

  @AfterAll
  static void stopThePlatform() {
    if (stack != null) {
      stack.close();
    }
  }

  /** The record as the first test left it, for the second (same stack, run in order). */
  private static String recordProcessId;

  private static String recordJson;

  @Test
  @Order(1)
  void twoAgenciesSubmitOneIsRevisedOnRequestBothAreApprovedAndTheRecordListsBoth() {
    Period rota =
        Roster.load()
            .periodAt(Instant.now())
            .orElseThrow(() -> new AssertionError("the bundled roster has no period for today"));
    assertThat(rota.chairs()).doesNotContain(FIRST_AGENCY, SECOND_AGENCY);
    assertThat(rota.viceChairs()).doesNotContain(FIRST_AGENCY, SECOND_AGENCY);
    String chairAgency = rota.chairs().stream().sorted().findFirst().orElseThrow();
    Caller chair = stack.reviewer(chairAgency);
    Caller first = stack.agency(FIRST_AGENCY);
    Caller second = stack.agency(SECOND_AGENCY);
    String processId = "e2e-" + UUID.randomUUID().toString().substring(0, 8);

    // The chair opens a call for inputs.
    Response opened =
        HttpJson.post(
            review("/api/v1/processes"),
            chair,
            Map.of(
                "id",
                processId,
                "title",
                "UNGIS joint input to the end-to-end test",
                "description",
                "A call opened by the end-to-end test of the workflow.",
                "deadline",
                Instant.now().plus(7, ChronoUnit.DAYS).toString()));
    assertThat(opened.status()).as("opening the call: %s", opened).isEqualTo(201);

    // Two agencies submit.
    String originalBody = "Africa's digital transformation strategy 2020-2030 sets the priorities.";
    String revisedBody =
        originalBody + " In 2022, 40 per cent of Africa's population used the Internet.";
    String firstId =
        steps()
            .submit(
                first, processId, "Digital transformation in Africa", originalBody, List.of("C7"));
    String secondId =
        steps()
            .submit(
                second,
                processId,
                "Decent work in the platform economy",
                "Digital labour platforms need fair working conditions.",
                List.of("C7", "C10"));
    assertThat(steps().contribution(firstId, first).path("status").asString())
        .isEqualTo("SUBMITTED");
    assertThat(steps().contribution(secondId, second).path("revision").asInt()).isEqualTo(1);

    // The chair requests changes on the first; the agency sees the request and revises.
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
        HttpJson.put(contributions("/api/v1/contributions/" + firstId), first, revision);
    assertThat(revised.status()).as("revising: %s", revised).isEqualTo(200);
    JsonNode afterRevision = steps().contribution(firstId, first);
    assertThat(afterRevision.path("revision").asInt()).isEqualTo(2);
    assertThat(afterRevision.path("body").asString()).isEqualTo(revisedBody);
    assertThat(afterRevision.path("status").asString()).isEqualTo("SUBMITTED");

    // Both are approved (the first in its revised text).
    steps().decide(chair, firstId, 2, "APPROVED", null);
    steps().decide(chair, secondId, 1, "APPROVED", null);
    steps().awaitContribution(firstId, first, c -> c.path("status").asString().equals("APPROVED"));
    steps()
        .awaitContribution(secondId, second, c -> c.path("status").asString().equals("APPROVED"));

    // The record lists both, over HTTP as JSON ...
    String recordUrl = publication("/api/v1/records/" + processId);
    AtomicReference<JsonNode> record = new AtomicReference<>();
    await("the record lists both approved inputs")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              Response r = HttpJson.get(recordUrl);
              assertThat(r.status()).as("GET %s: %s", recordUrl, r).isEqualTo(200);
              JsonNode json = r.json();
              assertThat(json.path("entries").size()).isEqualTo(2);
              assertThat(WorkflowSteps.entryOf(json, FIRST_AGENCY).path("revision").asInt())
                  .isEqualTo(2);
              record.set(json);
            });
    JsonNode firstEntry = WorkflowSteps.entryOf(record.get(), FIRST_AGENCY);
    assertThat(firstEntry.findValue("body").asString()).isEqualTo(revisedBody);
    assertThat(WorkflowSteps.entryOf(record.get(), SECOND_AGENCY).findValue("title").asString())
        .isEqualTo("Decent work in the platform economy");

    // ... and as HTML, a readable document ...
    Response html = HttpJson.get(recordUrl, "text/html", Caller.anonymous());
    assertThat(html.status()).isEqualTo(200);
    assertThat(html.header("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body())
        .contains("UNGIS joint input to the end-to-end test")
        .contains("Digital transformation in Africa")
        .contains("Decent work in the platform economy")
        .contains("40 per cent of Africa");

    // ... and on the records topic, rebuilt by a plain consumer from the topic alone.
    AtomicReference<RebuiltRecord> fromKafka = new AtomicReference<>();
    await("the records topic holds an edition listing both")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(500))
        .untilAsserted(
            () -> {
              RebuiltRecord rebuilt =
                  RecordTopicReader.readAll(stack.bootstrapServers(), stack.registryUrl())
                      .get(processId);
              assertThat(rebuilt).as("a record for %s on the topic", processId).isNotNull();
              assertThat(rebuilt.entries()).hasSize(2);
              fromKafka.set(rebuilt);
            });
    RecordEntry revisedEntry = fromKafka.get().entryOf(FIRST_AGENCY).orElseThrow();
    assertThat(revisedEntry.getContributionId()).isEqualTo(firstId);
    assertThat(revisedEntry.getRevision()).isEqualTo(2);
    assertThat(revisedEntry.getContent().getBody()).isEqualTo(revisedBody);
    assertThat(fromKafka.get().entryOf(SECOND_AGENCY).orElseThrow().getContributionId())
        .isEqualTo(secondId);
    assertThat(fromKafka.get().edition().getCallTitle())
        .isEqualTo("UNGIS joint input to the end-to-end test");
    assertThat(fromKafka.get().edition().getEdition())
        .isEqualTo(record.get().path("edition").asInt());
    recordProcessId = processId;
    recordJson = HttpJson.get(recordUrl).body();
  }

  @Test
  @Order(2)
  void publicationKilledAndStartedWithoutItsStateServesTheSameRecord() {
    Assumptions.assumeTrue(recordJson != null, "needs the record of the first test");
    ServiceProcess publication = stack.publication();

    publication.kill();
    stack.deleteState(PlatformStack.PUBLICATION);
    publication.start().awaitReady(Duration.ofSeconds(180));

    String recordUrl = publication("/api/v1/records/" + recordProcessId);
    await("the rebuilt record")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(HttpJson.get(recordUrl).json())
                    .isEqualTo(HttpJson.JSON.readTree(recordJson)));
  }

  /**
   * The case that once made the record disagree with the other services: an approved input
   * withdrawn after the call was closed. Under the chair's default rule the withdrawal is refused
   * and nothing changes anywhere; once the chair allows withdrawals after closure, the withdrawal
   * is accepted, review-service shows it, and the joint input publishes a corrigendum (Corr.1) that
   * says what changed, while the final edition stays readable.
   */
  @Test
  @Order(3)
  void anInputWithdrawnAfterTheClosureYieldsACorrigendumAndEveryServiceAgrees() {
    Period rota = Roster.load().periodAt(Instant.now()).orElseThrow();
    String chairAgency = rota.chairs().stream().sorted().findFirst().orElseThrow();
    Caller chair = stack.reviewer(chairAgency);
    Caller first = stack.agency(FIRST_AGENCY);
    Caller second = stack.agency(SECOND_AGENCY);
    String processId = "e2e-corr-" + UUID.randomUUID().toString().substring(0, 8);
    String symbol = "UNGIS/E2E/" + processId.substring(9).toUpperCase(java.util.Locale.ROOT);

    Response opened =
        HttpJson.post(
            review("/api/v1/processes"),
            chair,
            Map.of(
                "id",
                processId,
                "title",
                "UNGIS joint input with a corrigendum",
                "deadline",
                Instant.now().plus(7, ChronoUnit.DAYS).toString(),
                "symbol",
                symbol,
                "language",
                "FR"));
    assertThat(opened.status()).as("opening the call: %s", opened).isEqualTo(201);
    assertThat(opened.json().path("document").path("withdrawalAfterClosure").asString())
        .isEqualTo("REFUSED");
    Response framed =
        HttpJson.put(
            review("/api/v1/processes/" + processId + "/framing"),
            chair,
            Map.of("introduction", "Le GNUSI présente sa contribution.", "conclusion", "Fin."));
    assertThat(framed.status()).as("framing: %s", framed).isEqualTo(200);

    String firstId =
        steps()
            .submit(first, processId, "Digital transformation in Africa", "Text.", List.of("C7"));
    String secondId =
        steps().submit(second, processId, "Decent work online", "Text.", List.of("C10"));
    steps().decide(chair, firstId, 1, "APPROVED", null);
    steps().decide(chair, secondId, 1, "APPROVED", null);
    steps().awaitContribution(firstId, first, c -> c.path("status").asString().equals("APPROVED"));
    steps()
        .awaitContribution(secondId, second, c -> c.path("status").asString().equals("APPROVED"));
    Response closed =
        HttpJson.post(review("/api/v1/processes/" + processId + "/closure"), chair, Map.of());
    assertThat(closed.status()).as("closing: %s", closed).isEqualTo(200);

    String recordUrl = publication("/api/v1/records/" + processId);
    AtomicReference<JsonNode> finalEdition = new AtomicReference<>();
    await("the final edition lists both inputs")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              Response r = HttpJson.get(recordUrl);
              assertThat(r.status()).isEqualTo(200);
              assertThat(r.json().path("finalEdition").asBoolean()).isTrue();
              assertThat(r.json().path("entries").size()).isEqualTo(2);
              finalEdition.set(r.json());
            });
    assertThat(finalEdition.get().path("symbol").asString()).isEqualTo(symbol);
    assertThat(finalEdition.get().path("language").asString()).isEqualTo("FR");
    assertThat(finalEdition.get().path("framing").path("introduction").toString())
        .contains("Le GNUSI présente sa contribution.");

    // Under the default rule the withdrawal is refused: nothing changes anywhere.
    String withdrawal = contributions("/api/v1/contributions/" + firstId + "/withdrawal");
    Response refused = HttpJson.post(withdrawal, first, Map.of("reason", "Superseded"));
    assertThat(refused.status()).as("withdrawal after closure: %s", refused).isEqualTo(409);
    assertThat(refused.json().path("type").asString()).endsWith("/call-closed");
    assertThat(steps().contribution(firstId, first).path("status").asString())
        .isEqualTo("APPROVED");

    // The chair allows withdrawals after closure: the withdrawal goes through everywhere.
    Response rule =
        HttpJson.put(
            review("/api/v1/processes/" + processId + "/document"),
            chair,
            Map.of("withdrawalAfterClosure", "CORRIGENDUM"));
    assertThat(rule.status()).as("the chair's rule: %s", rule).isEqualTo(200);
    await("contributions-service knows the chair's rule")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> HttpJson.post(withdrawal, first, Map.of("reason", "Superseded")).status() == 200);
    steps().awaitContribution(firstId, first, c -> c.path("status").asString().equals("WITHDRAWN"));
    await("review-service shows the withdrawal")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(
                        HttpJson.get(
                                review("/api/v1/reviews/" + firstId), "application/json", chair)
                            .json()
                            .path("status")
                            .asString())
                    .isEqualTo("WITHDRAWN"));

    AtomicReference<JsonNode> corrigendum = new AtomicReference<>();
    await("the record publishes a corrigendum without the withdrawn input")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              JsonNode json = HttpJson.get(recordUrl).json();
              assertThat(json.path("corrigendum").asInt()).isEqualTo(1);
              corrigendum.set(json);
            });
    JsonNode corr = corrigendum.get();
    assertThat(corr.path("symbol").asString()).isEqualTo(symbol + "/Corr.1");
    assertThat(corr.path("edition").asInt())
        .isEqualTo(finalEdition.get().path("edition").asInt() + 1);
    assertThat(corr.path("entries").size()).isEqualTo(1);
    assertThat(corr.path("entries").get(0).path("contributionId").asString()).isEqualTo(secondId);
    assertThat(corr.path("corrections").get(0).path("kind").asString()).isEqualTo("WITHDRAWN");
    assertThat(corr.path("corrections").get(0).path("text").asString())
        .contains("Digital transformation in Africa")
        .contains("a été retirée");

    // The final edition is kept, as it was.
    Response kept =
        HttpJson.get(recordUrl + "/editions/" + finalEdition.get().path("edition").asInt());
    assertThat(kept.json().path("entries").size()).isEqualTo(2);
    assertThat(kept.json().path("corrigendum").asInt()).isZero();

    // The corrigendum as PDF and Word, by extension and by Accept.
    Response pdf = HttpJson.get(recordUrl + ".pdf", "*/*", Caller.anonymous());
    assertThat(pdf.status()).as("PDF: %s", pdf.header("Content-Type")).isEqualTo(200);
    assertThat(pdf.header("Content-Type").orElse("")).startsWith("application/pdf");
    assertThat(pdf.body()).startsWith("%PDF-");
    Response docx =
        HttpJson.get(
            recordUrl,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Caller.anonymous());
    assertThat(docx.status()).isEqualTo(200);
    assertThat(docx.body()).startsWith("PK");
  }

  @Test
  @Order(4)
  void theGatewayPassesTokensAndProblemAnswersThroughUnchanged() {
    Caller agency = stack.agency(FIRST_AGENCY);
    for (String path :
        List.of(
            "/api/v1/contributions/" + UUID.randomUUID(),
            "/api/v1/contributions?size=0",
            "/api/v1/processes?status=bogus",
            "/api/v1/reviews",
            "/api/v1/records/no-such-call")) {
      Response direct = HttpJson.get(serviceOf(path) + path, "application/json", agency);
      Response routed = HttpJson.get(api(path), "application/json", agency);
      assertThat(routed.status()).as("%s through the gateway", path).isEqualTo(direct.status());
      assertThat(routed.status()).as("%s is a problem", path).isGreaterThanOrEqualTo(400);
      assertThat(routed.header("Content-Type")).isEqualTo(direct.header("Content-Type"));
      assertThat(routed.json()).isEqualTo(direct.json());
    }
    Response noToken = HttpJson.get(api("/api/v1/contributions"));
    assertThat(noToken.status()).isEqualTo(401);
    assertThat(noToken.header("WWW-Authenticate").orElse("")).startsWith("Bearer");
    assertThat(noToken.json().path("type").asString())
        .isEqualTo("https://ungis.org/problems/unauthorized");
    assertThat(HttpJson.get(api("/api/v1/processes"), "application/json", agency).status())
        .as("an agency's token reaches review-service through the gateway")
        .isEqualTo(200);
  }

  /** The service that answers a path when asked directly. */
  private static String serviceOf(String path) {
    if (path.startsWith("/api/v1/contributions")) {
      return stack.contributions().baseUrl();
    }
    if (path.startsWith("/api/v1/records")) {
      return stack.publication().baseUrl();
    }
    return stack.review().baseUrl();
  }

  /** The whole workflow goes through the gateway: one base URL for the three services' APIs. */
  private static String api(String path) {
    return stack.gateway().orElseThrow().baseUrl() + path;
  }

  private static WorkflowSteps steps() {
    String gateway = stack.gateway().orElseThrow().baseUrl();
    return new WorkflowSteps(gateway, gateway, PROPAGATION);
  }

  private static String contributions(String path) {
    return api(path);
  }

  private static String review(String path) {
    return api(path);
  }

  private static String publication(String path) {
    return api(path);
  }
}
