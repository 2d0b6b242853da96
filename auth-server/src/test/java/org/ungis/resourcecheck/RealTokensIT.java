package org.ungis.resourcecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.auth.EmbeddedAuthServer;
import org.ungis.security.AuthenticatedActor;

/**
 * End to end in one JVM: the real authorization server issues tokens and a tiny service that only
 * adds platform-security (trusting the server by {@code issuer-uri} alone) accepts them, as every
 * platform service will. The authorization server's classes are on this service's classpath too, as
 * they will be in the services' own integration tests.
 */
class RealTokensIT {

  static EmbeddedAuthServer auth;
  static EmbeddedAuthServer otherAuth;
  static ConfigurableApplicationContext service;
  static String base;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    auth = EmbeddedAuthServer.start();
    otherAuth = EmbeddedAuthServer.start();
    service =
        new SpringApplicationBuilder(TinyService.class)
            .properties(
                "server.port=0",
                "spring.jmx.enabled=false",
                "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + auth.issuer())
            .run();
    base = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    service.close();
    otherAuth.close();
    auth.close();
  }

  @Test
  void anIntakeTokenActsForItsAgency() throws Exception {
    HttpResponse<String> response = get(auth.intakeToken("ITU"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("ITU intake@itu.int [AGENCY]");
  }

  @Test
  void aReviewerTokenActsAsReviewer() throws Exception {
    HttpResponse<String> response = get(auth.reviewerToken("reviewer-unesco-1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("UNESCO reviewer-1@unesco.int [REVIEWER]");
  }

  @Test
  void aPersonSignedInThroughThePortalActsAsThemselvesForTheirAgency() throws Exception {
    HttpResponse<String> focalPoint = get(auth.personToken("lea.moreau@itu.int"));
    HttpResponse<String> reviewer = get(auth.personToken("karim.mansour@un.org"));

    assertThat(focalPoint.statusCode()).isEqualTo(200);
    assertThat(focalPoint.body()).isEqualTo("ITU lea.moreau@itu.int [AGENCY]");
    assertThat(reviewer.statusCode()).isEqualTo(200);
    assertThat(reviewer.body()).isEqualTo("UNESCWA karim.mansour@un.org [REVIEWER]");
  }

  @Test
  void aTokenOfAnotherAuthorizationServerIs401() throws Exception {
    HttpResponse<String> response = get(otherAuth.intakeToken("ITU"));

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void noTokenIs401() throws Exception {
    assertThat(get(null).statusCode()).isEqualTo(401);
  }

  private static HttpResponse<String> get(String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/whoami"));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SpringBootApplication
  static class TinyService {

    @RestController
    static class WhoAmI {
      @GetMapping("/whoami")
      String whoami(AuthenticatedActor actor) {
        return actor.agency() + " " + actor.principal() + " " + actor.roles();
      }
    }
  }
}
