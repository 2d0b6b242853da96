package org.ungis.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway with its routes, each pointing at a port where nothing listens: a request is answered
 * 503 problem+json (not a bare 500), a path it does not route is its own 404. The workflow through
 * the gateway to the real services: e2e-tests' WorkflowEndToEndIT.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

  @DynamicPropertySource
  static void nowhere(DynamicPropertyRegistry properties) throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://localhost:" + closed;
    properties.add("ungis.gateway.contributions", () -> url);
    properties.add("ungis.gateway.review", () -> url);
    properties.add("ungis.gateway.publication", () -> url);
  }

  @LocalServerPort int port;

  @Test
  void aServiceThatCannotBeReachedIs503ProblemJsonWithRetryAfter() throws Exception {
    for (String path :
        new String[] {
          "/api/v1/contributions", "/api/v1/reviews/x", "/api/v1/processes", "/api/v1/records"
        }) {
      HttpResponse<String> answer = get(path);
      assertThat(answer.statusCode()).as(path).isEqualTo(503);
      assertThat(answer.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(answer.headers().firstValue("Retry-After")).contains("5");
      assertThat(answer.body()).contains("\"type\":\"https://ungis.org/problems/unavailable\"");
    }
  }

  @Test
  void aPathItDoesNotRouteIsNotForwarded() throws Exception {
    assertThat(get("/api/v2/contributions").statusCode()).isEqualTo(404);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
