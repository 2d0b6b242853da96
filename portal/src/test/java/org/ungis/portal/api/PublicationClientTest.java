package org.ungis.portal.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ungis.portal.api.StandInAnswers.answer;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ungis.client.UngisClient;
import org.ungis.portal.api.Models.RecordEdition;
import tools.jackson.databind.json.JsonMapper;

/**
 * Editions read once and kept, the latest one found by the list of records, against a real HTTP
 * server in the JVM standing in for publication-service: a new edition is read as soon as the list
 * names it, an earlier one is still served, a call without a record is refused as before.
 */
class PublicationClientTest {

  private HttpServer server;
  private final AtomicInteger latest = new AtomicInteger(2);
  private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/records",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
          if (path.equals("/api/v1/records")) {
            answer(
                exchange,
                200,
                "application/json",
                """
                [{"processId":"other","title":"Other","edition":7,"finalEdition":false,
                  "entryCount":1,"publishedAt":"2023-03-01T10:00:00Z"},
                 {"processId":"gdc-2023","title":"GDC","edition":%d,"finalEdition":false,
                  "entryCount":1,"publishedAt":"2023-03-01T10:00:00Z"}]
                """
                    .formatted(latest.get()));
          } else if (path.startsWith("/api/v1/records/gdc-2023/editions/")) {
            answer(exchange, 200, "application/json", edition(lastSegment(path)));
          } else if (path.equals("/api/v1/records/gdc-2023")) {
            answer(exchange, 200, "application/json", edition(latest.get()));
          } else {
            answer(
                exchange,
                404,
                "application/problem+json",
                """
                {"type":"https://ungis.org/problems/record-not-found","status":404,
                 "detail":"no record"}
                """);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PublicationClient client() {
    UngisClient api =
        UngisClient.of("http://localhost:" + server.getAddress().getPort(), () -> null);
    return new PublicationClient(new ServiceApi(api, JsonMapper.builder().build(), null));
  }

  private static int lastSegment(String path) {
    return Integer.parseInt(path.substring(path.lastIndexOf('/') + 1));
  }

  private static String edition(int n) {
    return """
        {"processId":"gdc-2023","symbol":"UNGIS/2023/GDC/1","edition":%d,"finalEdition":false,
         "corrigendum":0,"corrections":[],"publishedAt":"2023-03-01T10:00:00Z",
         "call":{"title":"GDC","description":"","deadline":"2023-04-30T23:59:00Z"},
         "entryCount":1,
         "entries":[{"contributionId":"c-%d","agency":"ITU","revision":1,"title":"Entry of %d",
                     "language":"EN","approvedAt":"2023-03-01T10:00:00Z"}]}
        """
        .formatted(n, n, n);
  }

  private int requestsOf(String path) {
    AtomicInteger n = requests.get(path);
    return n == null ? 0 : n.get();
  }

  @Test
  void theLatestEditionIsReadOnceAndTheNextOneAsSoonAsTheListNamesIt() {
    PublicationClient publication = client();

    RecordEdition first = publication.edition("gdc-2023", null);
    RecordEdition again = publication.edition("gdc-2023", null);

    assertThat(first.edition()).isEqualTo(2);
    assertThat(first.entries().get(0).title()).isEqualTo("Entry of 2");
    assertThat(again).isSameAs(first);
    assertThat(requestsOf("/api/v1/records")).isEqualTo(2); // which is the latest: every time
    assertThat(requestsOf("/api/v1/records/gdc-2023/editions/2")).isEqualTo(1);

    latest.set(3);
    assertThat(publication.latestNumber("gdc-2023")).hasValue(3);
    assertThat(publication.edition("gdc-2023", null).entries().get(0).title())
        .isEqualTo("Entry of 3");
    assertThat(publication.edition("gdc-2023", 2)).isSameAs(first);
    assertThat(requestsOf("/api/v1/records/gdc-2023/editions/2")).isEqualTo(1);
  }

  @Test
  void onlyTheLastEditionsReadAreKept() {
    PublicationClient publication = client();
    for (int n = 1; n <= PublicationClient.EDITIONS_KEPT + 1; n++) {
      publication.edition("gdc-2023", n);
    }

    publication.edition("gdc-2023", PublicationClient.EDITIONS_KEPT + 1);
    publication.edition("gdc-2023", 1);

    assertThat(
            requestsOf(
                "/api/v1/records/gdc-2023/editions/" + (PublicationClient.EDITIONS_KEPT + 1)))
        .isEqualTo(1);
    assertThat(requestsOf("/api/v1/records/gdc-2023/editions/1")).isEqualTo(2);
  }

  @Test
  void aCallWithoutARecordIsRefusedAsPublicationServiceSays() {
    assertThat(client().latestNumber("gdc-2025")).isEmpty();
    assertThatThrownBy(() -> client().edition("gdc-2025", null))
        .isInstanceOfSatisfying(
            ApiProblem.Exception.class, e -> assertThat(e.problem().status()).isEqualTo(404));
    assertThat(requestsOf("/api/v1/records/gdc-2025")).isEqualTo(1);
  }
}
