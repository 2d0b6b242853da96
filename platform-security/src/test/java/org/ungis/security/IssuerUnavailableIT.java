package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service starts while its authorization server is down, and says so per request. */
@SpringBootTest(
    classes = PlatformSecurityIT.TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties =
        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:1/not-running")
class IssuerUnavailableIT {

  @LocalServerPort int port;

  @Test
  void aTokenThatCannotBeCheckedYetIs503() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/whoami"))
                    .header("Authorization", "Bearer " + TestKeys.generate().token())
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(response.body()).contains("https://ungis.org/problems/unavailable");
  }
}
