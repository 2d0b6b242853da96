package org.ungis.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ungis.portal.api.StandInAnswers.answer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ungis.client.UngisClient;
import org.ungis.portal.api.Models.Contribution;
import tools.jackson.databind.json.JsonMapper;

/**
 * The portal's calls through the generated client, against a real HTTP server in the JVM standing
 * in for the API: the headers the services rely on go out, answers come back as the pages' models,
 * and the service's own problem (field errors included) reaches the page.
 */
class ContributionsClientTest {

  private HttpServer server;
  private final Map<String, String> seen = new ConcurrentHashMap<>();

  private static final String CONTRIBUTION =
      """
      {"id":"c-1","processId":"gdc-2023","agency":"UNESCWA","status":"SUBMITTED","revision":3,
       "title":"التحول الرقمي","language":"AR","sdgs":[9],"links":["https://example.org/a"],
       "submittedAt":"2023-03-01T10:00:00Z","decisions":[]}
      """;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/contributions",
        exchange -> {
          seen.put("method", exchange.getRequestMethod());
          seen.put("path", exchange.getRequestURI().toString());
          seen.put("idempotency-key", header(exchange, "Idempotency-Key"));
          seen.put("if-match", header(exchange, "If-Match"));
          seen.put("body", new String(exchange.getRequestBody().readAllBytes(), UTF8));
          if (seen.get("body").contains("\"title\":\"\"")) {
            answer(
                exchange,
                400,
                "application/problem+json",
                """
                {"type":"https://ungis.org/problems/validation","status":400,
                 "detail":"2 fields are invalid",
                 "errors":[{"field":"title","message":"must not be blank"},
                           {"field":"links[0]","message":"must be a web address"}]}
                """);
          } else {
            answer(exchange, 200, "application/json", CONTRIBUTION);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static ContributionsClient client(int port) {
    UngisClient api = UngisClient.of("http://localhost:" + port, () -> null);
    return new ContributionsClient(new ServiceApi(api, JsonMapper.builder().build(), null));
  }

  private ContributionsClient client() {
    return client(server.getAddress().getPort());
  }

  private static ContributionsClient.Content content(String title, String language) {
    return new ContributionsClient.Content(
        "gdc-2023",
        title,
        null,
        "Body",
        language,
        List.of("C2"),
        List.of(9, 4),
        List.of("not a web address"),
        null);
  }

  @Test
  void aSubmissionCarriesItsIdempotencyKeyAndComesBackAsThePagesModel() {
    Contribution created = client().submit(content("Title", "AR"), "draft-key-1");

    assertThat(seen)
        .containsEntry("method", "POST")
        .containsEntry("idempotency-key", "draft-key-1");
    assertThat(seen.get("body")).contains("\"language\":\"AR\"").contains("\"sdgs\":[9,4]");
    assertThat(created.title()).isEqualTo("التحول الرقمي");
    assertThat(created.revision()).isEqualTo(3);
    assertThat(created.links()).containsExactly("https://example.org/a");
  }

  @Test
  void aRevisionIsConditionalOnTheRevisionThePersonRead() {
    client().revise("c-1", 3, content("Title", "AR"));

    assertThat(seen)
        .containsEntry("method", "PUT")
        .containsEntry("path", "/api/v1/contributions/c-1")
        .containsEntry("if-match", "\"3\"");
  }

  @Test
  void theServicesFieldErrorsReachThePageAndItJudgesLinksAndLanguageItself() {
    // A language the client's type does not know goes as none: the service names the field.
    assertThatThrownBy(() -> client().submit(content("", "xx"), "draft-key-2"))
        .isInstanceOfSatisfying(
            ApiProblem.Exception.class,
            e -> {
              assertThat(e.problem().status()).isEqualTo(400);
              assertThat(e.problem().slug()).isEqualTo("validation");
              assertThat(ProblemMessages.fieldKeys(e.problem()))
                  .containsEntry("title", "error.title.required")
                  .containsEntry("links", "error.links");
            });
    assertThat(seen.get("body"))
        .contains("\"links\":[\"not a web address\"]")
        .contains("\"language\":null");
  }

  @Test
  void noAnswerIsAServiceUnavailable() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThatThrownBy(() -> client(closedPort).get("c-1"))
        .isInstanceOf(ServiceUnavailableException.class);
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }
}
