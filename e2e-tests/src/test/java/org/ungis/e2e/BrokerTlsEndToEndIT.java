package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.client.ApiProblem;
import org.ungis.client.UngisClient;
import org.ungis.client.publication.model.RecordDocument;
import org.ungis.reference.Period;
import org.ungis.reference.Roster;
import org.ungis.schemas.access.BrokerAccess;
import org.ungis.schemas.access.BrokerLogin;
import org.ungis.schemas.access.BrokerTls;

/**
 * The platform on a broker whose listener speaks TLS, as production's does ({@code SASL_SSL}, a
 * certificate signed by a private authority, made as the broker first starts): the registry and the
 * services connect through the truststore given as {@code spring.kafka.ssl.*}, and one contribution
 * goes from submission through approval to the published record, over HTTP and on the records
 * topic. A client that speaks no TLS to that listener, even with the super user's password, gets no
 * answer; one that speaks TLS without the truststore fails the handshake.
 */
class BrokerTlsEndToEndIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(60);

  /** A member on no rota, so that the chair may decide on its input. */
  private static final String AGENCY = "UNECA";

  @TempDir static Path workDir;

  static PlatformStack stack;

  @RegisterExtension
  static final PrintLogsOnFailure PRINT_LOGS_ON_FAILURE = new PrintLogsOnFailure(() -> stack, 150);

  @BeforeAll
  static void startThePlatformOnATlsBroker() {
    stack = PlatformStack.builder(workDir).brokerTls(true).start();
  }

  @AfterAll
  static void stopThePlatform() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aContributionIsSubmittedApprovedAndPublishedOverTls() {
    Period rota = Roster.load().periodAt(Instant.now()).orElseThrow();
    assertThat(rota.chairs()).doesNotContain(AGENCY);
    assertThat(rota.viceChairs()).doesNotContain(AGENCY);
    Caller chair = stack.reviewer(rota.chairs().stream().sorted().findFirst().orElseThrow());
    Caller agency = stack.agency(AGENCY);
    String processId = "tls-" + UUID.randomUUID().toString().substring(0, 8);

    WorkflowSteps steps =
        new WorkflowSteps(stack.contributions().baseUrl(), stack.review().baseUrl(), PROPAGATION);
    steps.openCall(
        chair, processId, "UNGIS joint input over TLS", "A call opened by the test of TLS.");
    String id =
        steps.submit(
            agency,
            processId,
            "Connectivity in Africa",
            "In 2022, 40 per cent of Africa's population used the Internet.",
            List.of("C2"));
    steps.decide(chair, id, 1, "APPROVED", null);
    steps.awaitContribution(id, agency, c -> c.path("status").asString().equals("APPROVED"));

    UngisClient publication = UngisClient.of(stack.publication().baseUrl(), () -> null);
    await("the record lists the approved input")
        .atMost(PROPAGATION)
        .pollInterval(Duration.ofMillis(300))
        .ignoreException(ApiProblem.class) // 404 until the first edition is published
        .untilAsserted(
            () -> {
              RecordDocument latest =
                  UngisClient.call(() -> publication.records().latestEdition(processId, null));
              assertThat(latest.getEntries())
                  .singleElement()
                  .satisfies(entry -> assertThat(entry.getContributionId()).isEqualTo(id));
            });
    // read over TLS by a downstream system
    stack.awaitRecordOnTopic(
        processId,
        PROPAGATION,
        rebuilt ->
            assertThat(rebuilt.entryOf(AGENCY).orElseThrow().getContributionId()).isEqualTo(id));
  }

  @Test
  void aClientWithoutTlsGetsNoAnswerEvenWithTheSuperUsersPassword() {
    Map<String, Object> plaintext =
        BrokerLogin.admin(
            stack.bootstrapServers(), BrokerLogin.developmentPassword(BrokerAccess.ADMIN));
    assertThat(plaintext).containsEntry("security.protocol", "SASL_PLAINTEXT");
    assertThatThrownBy(() -> describeCluster(plaintext))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TimeoutException.class);
  }

  @Test
  void aClientWithoutTheTruststoreFailsTheHandshake() {
    Map<String, Object> untrusting = new HashMap<>(stack.adminClientProperties());
    assertThat(untrusting).containsEntry("security.protocol", BrokerTls.PROTOCOL);
    untrusting.keySet().removeIf(key -> key.startsWith("ssl.truststore."));
    assertThatThrownBy(() -> describeCluster(untrusting))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(SslAuthenticationException.class);
  }

  /** The same client with the truststore answers: what the two refusals above lack is TLS. */
  @Test
  void theSuperUserWithTheTruststoreIsAnswered() throws Exception {
    assertThat(describeCluster(stack.adminClientProperties())).isNotBlank();
  }

  private static String describeCluster(Map<String, Object> client) throws Exception {
    Map<String, Object> config = new HashMap<>(client);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(config)) {
      return admin.describeCluster().clusterId().get(30, TimeUnit.SECONDS);
    }
  }
}
