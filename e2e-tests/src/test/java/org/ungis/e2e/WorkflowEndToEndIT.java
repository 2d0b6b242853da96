package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ungis.client.UngisClient.call;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.client.ApiProblem;
import org.ungis.client.UngisClient;
import org.ungis.client.contributions.model.ContributionResponse;
import org.ungis.client.contributions.model.WithdrawalRequest;
import org.ungis.client.publication.model.EntryDocument;
import org.ungis.client.publication.model.RecordDocument;
import org.ungis.client.review.model.CallView;
import org.ungis.client.review.model.DocumentSettings;
import org.ungis.client.review.model.Framing;
import org.ungis.client.review.model.OpenCall;
import org.ungis.e2e.HttpJson.Response;
import org.ungis.e2e.RecordTopicReader.RebuiltRecord;
import org.ungis.events.record.RecordEntry;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;
import org.ungis.schemas.access.BrokerAccess;
import tools.jackson.databind.JsonNode;

/**
 * The workflow end to end, against the real processes: a KRaft broker, the schema registry and the
 * three services, each started from its exec jar. A chair opens a call, two agencies submit, the
 * chair requests changes on one, it is revised, both are approved, and the record's latest edition
 * lists both with the revised text: over HTTP (JSON and HTML) and on the records topic, read by a
 * plain Kafka consumer with the Confluent-format deserializer. Then publication-service is killed
 * (SIGKILL), its local state deleted, and started again: it serves the same record, rebuilt from
 * Kafka. The JSON API is called through the generated client ({@code api-client}), from the one
 * base URL of the gateway. notification-service tells the first agency's focal point of the chair's
 * request and of the approval by e-mail (in her language, to the test's SMTP server), and the
 * test's webhook receiver gets every event of the call once, signed. The broker runs as production
 * does (SASL, the access rules' ACLs), each process signing in as its own principal: an agency's or
 * a downstream reader's credentials cannot produce to the reviews topic.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowEndToEndIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(60);

  /**
   * The streams' session timeout in the services (Kafka's default is 45 s): a SIGKILLed instance
   * stays in its consumer group until its session expires, so the instance started again in its
   * place gets its tasks back only then; the broker's minimum, so that the test does not wait 45 s.
   */
  private static final String SESSION_TIMEOUT_MS = "6000";

  /** Two members that sit on no rota, so that any chair may decide on both. */
  private static final String FIRST_AGENCY = "UNECA";

  private static final String SECOND_AGENCY = "ILO";

  @TempDir static Path workDir;

  static PlatformStack stack;
  static GreenMail smtp;
  static WebhookReceiver receiver;

  /** UNECA's focal point in the people directory (language: French). */
  private static final String FIRST_FOCAL_POINT = "fatou.diallo@uneca.org";

  @RegisterExtension
  static final PrintLogsOnFailure PRINT_LOGS_ON_FAILURE = new PrintLogsOnFailure(() -> stack, 150);

  @BeforeAll
  static void startThePlatform() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    receiver = WebhookReceiver.start();
    stack =
        PlatformStack.builder(workDir)
            .gateway(true)
            .notifications(smtp.getSmtp().getPort())
            .serviceProperty(
                "spring.kafka.streams.properties.session.timeout.ms", SESSION_TIMEOUT_MS)
            .start();
    stack.registerWebhook(
        FIRST_AGENCY,
        receiver,
        List.of("call.opened", "contribution.submitted", "contribution.revised", "review.decided"));
  }

  @AfterAll
  static void stopThePlatform() {
    if (stack != null) {
      stack.close();
    }
    if (receiver != null) {
      receiver.close();
    }
    if (smtp != null) {
      smtp.stop();
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
    OpenCall call =
        new OpenCall()
            .id(processId)
            .title("UNGIS joint input to the end-to-end test")
            .description("A call opened by the end-to-end test of the workflow.")
            .deadline(Instant.now().plus(7, ChronoUnit.DAYS).toString());
    var opened = call(() -> api(chair).processes().openWithHttpInfo(call, null));
    assertThat(opened.getStatusCode()).isEqualTo(201);
    assertThat(opened.getData().getStatus()).isEqualTo("OPEN");

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
    assertThat(contribution(firstId, first).getStatus()).isEqualTo("SUBMITTED");
    assertThat(contribution(secondId, second).getRevision()).isEqualTo(1);

    // The chair requests changes on the first; the agency sees the request and revises.
    String comment = "Please add figures on connectivity in Africa.";
    steps().decide(chair, firstId, 1, "CHANGES_REQUESTED", comment);
    JsonNode changesRequested =
        steps()
            .awaitContribution(
                firstId, first, c -> c.path("status").asString().equals("CHANGES_REQUESTED"));
    assertThat(changesRequested.path("decisions").toString()).contains(comment);

    var revision =
        WorkflowSteps.request("Digital transformation in Africa", revisedBody, List.of("C7"))
            .note("Added the connectivity figures the chair asked for.")
            .expectedRevision(1);
    ContributionResponse revised =
        call(() -> api(first).contributions().revise(firstId, revision, null));
    assertThat(revised.getRevision()).isEqualTo(2);
    ContributionResponse afterRevision = contribution(firstId, first);
    assertThat(afterRevision.getRevision()).isEqualTo(2);
    assertThat(afterRevision.getBody()).isEqualTo(revisedBody);
    assertThat(afterRevision.getStatus()).isEqualTo("SUBMITTED");

    // Both are approved (the first in its revised text).
    steps().decide(chair, firstId, 2, "APPROVED", null);
    steps().decide(chair, secondId, 1, "APPROVED", null);
    steps().awaitContribution(firstId, first, c -> c.path("status").asString().equals("APPROVED"));
    steps()
        .awaitContribution(secondId, second, c -> c.path("status").asString().equals("APPROVED"));

    // The record lists both, over HTTP as JSON ...
    String recordUrl = publication("/api/v1/records/" + processId);
    AtomicReference<RecordDocument> record = new AtomicReference<>();
    await("the record lists both approved inputs")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .ignoreException(ApiProblem.class) // 404 until the first edition is published
        .untilAsserted(
            () -> {
              RecordDocument latest = latestRecord(processId);
              assertThat(latest.getEntries()).hasSize(2);
              assertThat(entryOf(latest, FIRST_AGENCY).getRevision()).isEqualTo(2);
              record.set(latest);
            });
    assertThat(entryOf(record.get(), FIRST_AGENCY).getBody()).isEqualTo(revisedBody);
    assertThat(entryOf(record.get(), SECOND_AGENCY).getTitle())
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

    // ... and on the records topic, rebuilt by a plain consumer from the topic alone, signed in as
    // the downstream systems' principal.
    RebuiltRecord fromKafka =
        stack.awaitRecordOnTopic(
            processId, PROPAGATION, rebuilt -> assertThat(rebuilt.entries()).hasSize(2));
    RecordEntry revisedEntry = fromKafka.entryOf(FIRST_AGENCY).orElseThrow();
    assertThat(revisedEntry.getContributionId()).isEqualTo(firstId);
    assertThat(revisedEntry.getRevision()).isEqualTo(2);
    assertThat(revisedEntry.getContent().getBody()).isEqualTo(revisedBody);
    assertThat(fromKafka.entryOf(SECOND_AGENCY).orElseThrow().getContributionId())
        .isEqualTo(secondId);
    assertThat(fromKafka.edition().getCallTitle())
        .isEqualTo("UNGIS joint input to the end-to-end test");
    assertThat(fromKafka.edition().getEdition()).isEqualTo(record.get().getEdition());
    recordProcessId = processId;
    recordJson = HttpJson.get(recordUrl).body();

    // notification-service told UNECA's focal point, in French, by e-mail ...
    await("the focal point's e-mails")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(subjectsTo(FIRST_FOCAL_POINT))
                    .contains(
                        "[UNGIS] Modifications demandées pour votre contribution à " + processId,
                        "[UNGIS] Votre contribution à " + processId + " est approuvée"));
    MimeMessage changes =
        mailsTo(FIRST_FOCAL_POINT).stream()
            .filter(m -> subject(m).startsWith("[UNGIS] Modifications demandées"))
            .filter(m -> subject(m).endsWith(processId))
            .findFirst()
            .orElseThrow();
    assertThat(plainText(changes))
        .contains("Bonjour Fatou Diallo,")
        .contains(comment)
        .contains("/contributions/" + firstId);

    // ... and the integrator's endpoint got each event of the call once, signed: the call, two
    // submissions, the revision and three decisions.
    await("every event of the call at the webhook receiver")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(countsByType(processId))
                    .isEqualTo(
                        Map.of(
                            "call.opened", 1L,
                            "contribution.submitted", 2L,
                            "contribution.revised", 1L,
                            "review.decided", 3L)));
    List<WebhookReceiver.Delivery> deliveries = aboutCall(processId);
    assertThat(deliveries).allMatch(WebhookReceiver.Delivery::validSignature);
    assertThat(deliveries)
        .extracting(WebhookReceiver.Delivery::webhookId)
        .as("each event id delivered once")
        .doesNotHaveDuplicates();
    assertThat(
            deliveries.stream()
                .filter(d -> d.type().equals("review.decided"))
                .map(d -> d.data().path("outcome").asString())
                .toList())
        .containsExactlyInAnyOrder("CHANGES_REQUESTED", "APPROVED", "APPROVED");
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

    OpenCall call =
        new OpenCall()
            .id(processId)
            .title("UNGIS joint input with a corrigendum")
            .deadline(Instant.now().plus(7, ChronoUnit.DAYS).toString())
            .symbol(symbol)
            .language("FR");
    CallView opened = call(() -> api(chair).processes().open(call, null));
    assertThat(opened.getDocument().getWithdrawalAfterClosure()).isEqualTo("REFUSED");
    CallView framed =
        call(
            () ->
                api(chair)
                    .processes()
                    .frame(
                        processId,
                        new Framing()
                            .introduction("Le GNUSI présente sa contribution.")
                            .conclusion("Fin.")));
    assertThat(framed.getDocument().getIntroduction())
        .isEqualTo("Le GNUSI présente sa contribution.");

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
    CallView closed = call(() -> api(chair).processes().close(processId, null));
    assertThat(closed.getStatus()).isEqualTo("CLOSED");

    String recordUrl = publication("/api/v1/records/" + processId);
    AtomicReference<RecordDocument> finalEdition = new AtomicReference<>();
    await("the final edition lists both inputs")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .ignoreException(ApiProblem.class) // 404 until the first edition is published
        .untilAsserted(
            () -> {
              RecordDocument latest = latestRecord(processId);
              assertThat(latest.getFinalEdition()).isTrue();
              assertThat(latest.getEntries()).hasSize(2);
              finalEdition.set(latest);
            });
    assertThat(finalEdition.get().getSymbol()).isEqualTo(symbol);
    assertThat(finalEdition.get().getLanguage()).isEqualTo("FR");
    assertThat(finalEdition.get().getFraming().getIntroduction())
        .contains("Le GNUSI présente sa contribution.");

    // Under the default rule the withdrawal is refused: nothing changes anywhere.
    WithdrawalRequest withdrawal = new WithdrawalRequest().reason("Superseded");
    assertThatThrownBy(() -> call(() -> api(first).contributions().withdraw(firstId, withdrawal)))
        .as("withdrawal after closure")
        .isInstanceOfSatisfying(
            ApiProblem.class,
            refused -> {
              assertThat(refused.status()).isEqualTo(409);
              assertThat(refused.type()).endsWith("/call-closed");
            });
    assertThat(contribution(firstId, first).getStatus()).isEqualTo("APPROVED");

    // The chair allows withdrawals after closure: the withdrawal goes through everywhere.
    CallView rule =
        call(
            () ->
                api(chair)
                    .processes()
                    .configure(
                        processId, new DocumentSettings().withdrawalAfterClosure("CORRIGENDUM")));
    assertThat(rule.getDocument().getWithdrawalAfterClosure()).isEqualTo("CORRIGENDUM");
    await("contributions-service knows the chair's rule")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(500))
        .ignoreException(ApiProblem.class)
        .until(
            () ->
                call(() -> api(first).contributions().withdraw(firstId, withdrawal))
                    .getStatus()
                    .equals("WITHDRAWN"));
    steps().awaitContribution(firstId, first, c -> c.path("status").asString().equals("WITHDRAWN"));
    await("review-service shows the withdrawal")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () ->
                assertThat(call(() -> api(chair).reviews().item(firstId, null)).getStatus())
                    .isEqualTo("WITHDRAWN"));

    AtomicReference<RecordDocument> corrigendum = new AtomicReference<>();
    await("the record publishes a corrigendum without the withdrawn input")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .untilAsserted(
            () -> {
              RecordDocument latest = latestRecord(processId);
              assertThat(latest.getCorrigendum()).isEqualTo(1);
              corrigendum.set(latest);
            });
    RecordDocument corr = corrigendum.get();
    assertThat(corr.getSymbol()).isEqualTo(symbol + "/Corr.1");
    assertThat(corr.getEdition()).isEqualTo(finalEdition.get().getEdition() + 1);
    assertThat(corr.getEntries()).hasSize(1);
    assertThat(corr.getEntries().get(0).getContributionId()).isEqualTo(secondId);
    assertThat(corr.getCorrections().get(0).getKind()).isEqualTo("WITHDRAWN");
    assertThat(corr.getCorrections().get(0).getText())
        .contains("Digital transformation in Africa")
        .contains("a été retirée");

    // The final edition is kept, as it was.
    int finalNumber = finalEdition.get().getEdition();
    RecordDocument kept =
        call(() -> api(Caller.anonymous()).records().edition(processId, finalNumber, null));
    assertThat(kept.getEntries()).hasSize(2);
    assertThat(kept.getCorrigendum()).isZero();

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

  /**
   * The broker the workflow ran on enforces the access rules: an agency's system and a downstream
   * reader sign in, but neither can forge a decision on the reviews topic (review-service alone
   * writes it), and the topic keeps exactly the records it had.
   */
  @Test
  @Order(5)
  void neitherAnAgencyNorADownstreamReaderCanProduceToTheReviewsTopic() throws Exception {
    String reviews = Topics.REVIEWS.name();
    long before = endOffset(reviews);
    for (String principal : List.of(BrokerAccess.AGENCY, BrokerAccess.RECORDS_READER)) {
      Map<String, Object> config = new HashMap<>(stack.kafkaClientProperties(principal));
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      // An attacker would not ask for idempotence: the refusal must come from the topic's ACL.
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
      config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
      config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
      config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
      try (KafkaProducer<String, String> forger =
          new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
        assertThatThrownBy(
                () -> forger.send(new ProducerRecord<>(reviews, "forged", "APPROVED")).get())
            .as("%s producing to %s", principal, reviews)
            .hasRootCauseInstanceOf(TopicAuthorizationException.class);
      }
    }
    assertThat(endOffset(reviews)).as("records in %s", reviews).isEqualTo(before);
    assertThat(before).as("the workflow's decisions are on %s", reviews).isPositive();
  }

  /** The records on a topic, counted by the super user. */
  private static long endOffset(String topic) throws Exception {
    try (Admin admin = Admin.create(stack.adminClientProperties())) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin
          .describeTopics(List.of(topic))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(topic)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
          .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset)
          .sum();
    }
  }

  private static List<WebhookReceiver.Delivery> aboutCall(String processId) {
    return receiver.deliveries(data -> processId.equals(data.path("processId").asString()));
  }

  private static Map<String, Long> countsByType(String processId) {
    return aboutCall(processId).stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                WebhookReceiver.Delivery::type, java.util.stream.Collectors.counting()));
  }

  private static List<MimeMessage> mailsTo(String address) {
    return java.util.Arrays.stream(smtp.getReceivedMessages())
        .filter(
            m -> {
              try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address);
              } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  private static List<String> subjectsTo(String address) {
    return mailsTo(address).stream().map(WorkflowEndToEndIT::subject).toList();
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The message's plain-text part, decoded. */
  private static String plainText(jakarta.mail.Part part) {
    try {
      if (part.isMimeType("text/plain")) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          String text = plainText(multipart.getBodyPart(i));
          if (!text.isEmpty()) {
            return text;
          }
        }
      }
      return "";
    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The generated client, from the gateway's one base URL, acting as {@code caller}. */
  private static UngisClient api(Caller caller) {
    return stack.api(caller);
  }

  private static ContributionResponse contribution(String id, Caller reader) {
    return call(() -> api(reader).contributions().get(id));
  }

  private static RecordDocument latestRecord(String processId) {
    return call(() -> api(Caller.anonymous()).records().latestEdition(processId, null));
  }

  /** The entry of {@code agency} in a record edition. */
  private static EntryDocument entryOf(RecordDocument record, String agency) {
    return record.getEntries().stream()
        .filter(entry -> agency.equals(entry.getAgency()))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no entry of " + agency + " in " + record));
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

  private static String publication(String path) {
    return api(path);
  }
}
