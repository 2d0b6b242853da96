package org.ungis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ungis.client.contributions.model.ContributionRequest;
import org.ungis.client.contributions.model.ContributionResponse;

/** The facade against a real HTTP server in the JVM: tokens, keys, answers and problems. */
class UngisClientTest {

  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/contributions",
        exchange -> {
          seen.put("authorization", header(exchange, "Authorization"));
          seen.put("idempotency-key", header(exchange, "Idempotency-Key"));
          seen.put("path", exchange.getRequestURI().toString());
          seen.put("body", new String(exchange.getRequestBody().readAllBytes(), UTF8));
          if (exchange.getRequestMethod().equals("POST")) {
            answer(
                exchange,
                400,
                "application/problem+json",
                """
                {"type":"https://ungis.org/problems/validation","title":"Invalid contribution",
                 "status":400,"detail":"2 fields are invalid","instance":"/api/v1/contributions",
                 "errors":[{"field":"title","message":"must not be blank"},
                           {"field":"sdgs[0]","message":"must be between 1 and 17"}]}
                """);
          } else {
            answer(
                exchange,
                200,
                "application/json",
                """
                {"id":"c-1","processId":"gdc-2023","agency":"UNESCWA","status":"SUBMITTED",
                 "revision":1,"title":"التحول الرقمي في المنطقة العربية","language":"AR",
                 "submittedAt":"2023-03-01T10:00:00Z","decisions":[]}
                """);
          }
        });
    server.createContext(
        "/api/v1/records/gdc-2023/editions/2",
        exchange -> {
          seen.put("accept", header(exchange, "Accept"));
          byte[] pdf = {'%', 'P', 'D', 'F', '-', '1', '.', '7', (byte) 0xE2, (byte) 0xE3};
          exchange.getResponseHeaders().set("Content-Type", "application/pdf");
          exchange.sendResponseHeaders(200, pdf.length);
          exchange.getResponseBody().write(pdf);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private UngisClient client(String token) {
    return UngisClient.of("http://localhost:" + server.getAddress().getPort() + "/", () -> token);
  }

  @Test
  void readsAContributionWithTheSuppliedTokenAndDecodesItsTextAsUtf8() {
    ContributionResponse contribution =
        UngisClient.call(() -> client("token-1").contributions().get("c-1"));

    assertThat(contribution.getTitle()).isEqualTo("التحول الرقمي في المنطقة العربية");
    assertThat(contribution.getRevision()).isEqualTo(1);
    assertThat(seen).containsEntry("authorization", "Bearer token-1");
    assertThat(seen).containsEntry("path", "/api/v1/contributions/c-1");
  }

  @Test
  void sendsNoAuthorizationWithoutAToken() {
    UngisClient.call(() -> client(null).contributions().get("c-1"));

    assertThat(seen).containsEntry("authorization", "");
  }

  @Test
  void aProblemAnswerBecomesAnApiProblemWithTypeTitleDetailAndFieldErrors() {
    ContributionRequest request =
        new ContributionRequest().processId("gdc-2023").title("").sdgs(java.util.Set.of(18));

    assertThatThrownBy(
            () ->
                UngisClient.call(() -> client("token-2").contributions().submit(request, "key-42")))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(400);
              assertThat(problem.type()).isEqualTo("https://ungis.org/problems/validation");
              assertThat(problem.title()).isEqualTo("Invalid contribution");
              assertThat(problem.detail()).isEqualTo("2 fields are invalid");
              assertThat(problem.errors())
                  .containsExactly(
                      new ApiProblem.FieldError("title", "must not be blank"),
                      new ApiProblem.FieldError("sdgs[0]", "must be between 1 and 17"));
              assertThat(problem.header("content-type")).contains("application/problem+json");
            });
    assertThat(seen).containsEntry("idempotency-key", "key-42");
    assertThat(seen.get("body")).contains("\"processId\":\"gdc-2023\"").contains("\"sdgs\":[18]");
  }

  @Test
  void noAnswerIsAnUncheckedIoException() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    UngisClient client = UngisClient.of("http://localhost:" + closedPort, () -> null);

    assertThatThrownBy(() -> UngisClient.call(() -> client.contributions().get("c-1")))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void aTextRepresentationComesAsItIsAndAnErrorAsAProblem() {
    assertThat(client("t").text("/api/v1/contributions/c-1", "application/json"))
        .contains("\"id\":\"c-1\"");
    assertThatThrownBy(() -> client("t").text("/api/v1/nothing", "text/markdown"))
        .isInstanceOfSatisfying(
            ApiProblem.class,
            problem -> {
              assertThat(problem.status()).isEqualTo(404);
              assertThat(problem.type()).isEqualTo("about:blank");
            });
  }

  @Test
  void aBinaryRepresentationComesAsItsBytesWithItsMediaType() {
    UngisClient.Download pdf =
        client("t").download("/api/v1/records/gdc-2023/editions/2", "application/pdf");

    assertThat(pdf.contentType()).isEqualTo("application/pdf");
    assertThat(pdf.body())
        .containsExactly('%', 'P', 'D', 'F', '-', '1', '.', '7', (byte) 0xE2, (byte) 0xE3);
    assertThat(seen).containsEntry("accept", "application/pdf");
  }

  @Test
  void aLinkIsSentAsTypedSoTheServiceJudgesIt() {
    ContributionRequest request =
        new ContributionRequest()
            .processId("gdc-2023")
            .links(java.util.Set.of("not a web address"));

    assertThatThrownBy(
            () -> UngisClient.call(() -> client("t").contributions().submit(request, "key-7")))
        .isInstanceOf(ApiProblem.class);
    assertThat(seen.get("body")).contains("\"links\":[\"not a web address\"]");
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static void answer(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(UTF8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
