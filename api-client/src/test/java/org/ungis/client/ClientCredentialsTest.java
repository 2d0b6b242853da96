package org.ungis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client-credentials tokens from a real HTTP server in the JVM that plays the token endpoint. */
class ClientCredentialsTest {

  private HttpServer server;
  private final AtomicInteger issued = new AtomicInteger();
  private volatile int lifetimeSeconds = 300;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/oauth2/token",
        exchange -> {
          String expected =
              "Basic "
                  + Base64.getEncoder()
                      .encodeToString("itu-intake:itu-secret".getBytes(StandardCharsets.UTF_8));
          String form =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          boolean known =
              expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                  && form.equals("grant_type=client_credentials");
          String body =
              known
                  ? "{\"access_token\":\"token-"
                      + issued.incrementAndGet()
                      + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                      + lifetimeSeconds
                      + "}"
                  : "{\"error\":\"invalid_client\"}";
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(known ? 200 : 401, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.createContext(
        "/.well-known/oauth-authorization-server",
        exchange -> {
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  @Test
  void aTokenIsFetchedOnceAndReusedWhileItLasts() {
    ClientCredentials tokens = ClientCredentials.of(url(), "itu-intake", "itu-secret");

    assertThat(tokens.get()).isEqualTo("token-1");
    assertThat(tokens.get()).isEqualTo("token-1");
    assertThat(issued).hasValue(1);
  }

  @Test
  void aTokenAboutToExpireIsFetchedAgain() {
    lifetimeSeconds = 10;
    ClientCredentials tokens = ClientCredentials.of(url() + "/", "itu-intake", "itu-secret");

    assertThat(tokens.get()).isEqualTo("token-1");
    assertThat(tokens.get()).isEqualTo("token-2");
  }

  @Test
  void aRefusedClientIsAnApiProblemWithTheStatus() {
    ClientCredentials tokens = ClientCredentials.of(url(), "itu-intake", "wrong");

    assertThatThrownBy(tokens::get)
        .isInstanceOfSatisfying(
            ApiProblem.class, problem -> assertThat(problem.status()).isEqualTo(401));
  }

  @Test
  void aServerAnswersWhereItsMetadataIsServedAndNotWhereNothingListens() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }

    assertThat(ClientCredentials.serverAnswers(url())).isTrue();
    assertThat(ClientCredentials.serverAnswers("http://localhost:" + closedPort)).isFalse();
  }
}
