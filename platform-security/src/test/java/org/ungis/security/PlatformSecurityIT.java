package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny service that only adds platform-security, called over real HTTP with tokens minted by a
 * locally generated RSA key (the service trusts its public key via {@code public-key-location}).
 */
@SpringBootTest(
    classes = PlatformSecurityIT.TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ungis.security.public-paths=GET /api/v1/records/**",
      "ungis.security.scopes[0]=GET /api/v1/whoami contributions.read",
      "ungis.security.scopes[1]=/api/v1/reviewer-only/** reviews.read",
      "management.endpoints.web.exposure.include=health,info",
      "ungis.security.internal.secret=instances-only"
    })
class PlatformSecurityIT {

  static final TestKeys TRUSTED = TestKeys.generate();
  static final TestKeys FORGER = TestKeys.generate();
  static Path keyDir;

  @DynamicPropertySource
  static void trustTheTestKey(DynamicPropertyRegistry registry) throws IOException {
    keyDir = TRUSTED.trustedBy(registry);
  }

  @AfterAll
  static void removeKeys() throws IOException {
    FileSystemUtils.deleteRecursively(keyDir);
  }

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aValidTokenReachesTheControllerWithTheActorFromItsClaims() throws Exception {
    HttpResponse<String> response = get("/api/v1/whoami", TRUSTED.token());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response);
    assertThat(body.get("agency").asString()).isEqualTo("ITU");
    assertThat(body.get("principal").asString()).isEqualTo("intake@itu.int");
    assertThat(body.get("roles").get(0).asString()).isEqualTo("AGENCY");
    assertThat(body.get("sameAsCurrentActor").asBoolean()).isTrue();
  }

  @Test
  void aRequestWithoutATokenIs401ProblemJson() throws Exception {
    HttpResponse<String> response = get("/api/v1/whoami", null);

    assertUnauthorized(response);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer realm=\"ungis\"")
        .doesNotContain("error=");
  }

  @Test
  void anExpiredTokenIs401() throws Exception {
    String expired =
        TRUSTED.token(
            claims ->
                claims
                    .issuedAt(Instant.now().minusSeconds(3600))
                    .notBefore(Instant.now().minusSeconds(3600))
                    .expiresAt(Instant.now().minusSeconds(600)));

    HttpResponse<String> response = get("/api/v1/whoami", expired);

    assertUnauthorized(response);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
    assertThat(json(response).get("detail").asString()).contains("expired");
  }

  @Test
  void aTokenSignedByAnotherKeyIs401() throws Exception {
    HttpResponse<String> response = get("/api/v1/whoami", FORGER.token());

    assertUnauthorized(response);
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
  }

  @Test
  void aTokenForAnotherAudienceIs401() throws Exception {
    String otherAudience = TRUSTED.token(claims -> claims.audience(List.of("some-other-api")));

    HttpResponse<String> response = get("/api/v1/whoami", otherAudience);

    assertUnauthorized(response);
    assertThat(json(response).get("detail").asString()).contains("ungis-platform");
  }

  @Test
  void aTokenNamingNoAgencyIs401() throws Exception {
    String anonymous = TRUSTED.token(claims -> claims.claims(all -> all.remove("agency")));

    HttpResponse<String> response = get("/api/v1/whoami", anonymous);

    assertUnauthorized(response);
    assertThat(json(response).get("detail").asString()).contains("agency");
  }

  @Test
  void aGarbageTokenIs401() throws Exception {
    assertUnauthorized(get("/api/v1/whoami", "not-a-jwt"));
  }

  @Test
  void aRoleTheEndpointDoesNotAllowIs403ProblemJson() throws Exception {
    HttpResponse<String> response = get("/api/v1/reviewer-only", TRUSTED.token());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("type").asString())
        .isEqualTo("https://ungis.org/problems/forbidden");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
  }

  @Test
  void aTokenWithoutTheScopeTheTableAsksForIs403InsufficientScope() throws Exception {
    String writeOnly = TRUSTED.token(claims -> claims.claim("scope", "contributions.write"));

    HttpResponse<String> response = get("/api/v1/whoami", writeOnly);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).get("type").asString())
        .isEqualTo("https://ungis.org/problems/forbidden");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("insufficient_scope");
  }

  @Test
  void theRightRoleWithoutTheScopeIs403() throws Exception {
    String reviewerWithoutScope =
        TRUSTED.token(
            claims ->
                claims
                    .claim("agency", "UNCTAD")
                    .claim("roles", List.of("REVIEWER"))
                    .claim("scope", "reviews.write"));

    assertThat(get("/api/v1/reviewer-only", reviewerWithoutScope).statusCode()).isEqualTo(403);
  }

  @Test
  void theRoleTheEndpointAllowsIs200() throws Exception {
    String reviewer =
        TRUSTED.token(
            claims ->
                claims
                    .subject("reviewer-unctad-1")
                    .claim("agency", "UNCTAD")
                    .claim("principal", "Reviewer One (UNCTAD)")
                    .claim("roles", List.of("REVIEWER"))
                    .claim("scope", "reviews.read"));

    HttpResponse<String> response = get("/api/v1/reviewer-only", reviewer);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("UNCTAD");
  }

  @Test
  void aConfiguredPublicPathNeedsNoToken() throws Exception {
    HttpResponse<String> response = get("/api/v1/records/gdc-2023", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("record gdc-2023");
  }

  @Test
  void healthAndReadinessNeedNoToken() throws Exception {
    assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metricsAndInfoNeedATokenWithTheOperationsScope() throws Exception {
    assertUnauthorized(get("/actuator/prometheus", null));
    assertUnauthorized(get("/actuator/info", null));
    assertThat(get("/actuator/info", TRUSTED.token()).statusCode()).isEqualTo(403);
    String operations = TRUSTED.token(claims -> claims.claim("scope", "operations.read"));
    assertThat(get("/actuator/info", operations).statusCode()).isEqualTo(200);
  }

  @Test
  void internalPathsNeedTheInstancesSecretBesidesAValidToken() throws Exception {
    assertUnauthorized(get("/internal/v1/ping", null));
    assertThat(get("/internal/v1/ping", TRUSTED.token()).statusCode()).isEqualTo(403);
    HttpRequest withSecret =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/internal/v1/ping"))
            .header("Authorization", "Bearer " + TRUSTED.token())
            .header("X-Ungis-Internal", "instances-only")
            .build();
    assertThat(http.send(withSecret, HttpResponse.BodyHandlers.ofString()).body())
        .isEqualTo("pong");
  }

  @Test
  void theProtectedResourceMetadataNamedInWwwAuthenticateIsPublic() throws Exception {
    HttpResponse<String> response = get("/.well-known/oauth-protected-resource", null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(json(response).get("bearer_methods_supported").get(0).asString())
        .isEqualTo("header");
  }

  @Test
  void anUnknownPathWithoutATokenIs401NotA404() throws Exception {
    assertUnauthorized(get("/api/v1/nothing-here", null));
  }

  private void assertUnauthorized(HttpResponse<String> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .startsWith("Bearer");
    JsonNode problem = json(response);
    assertThat(problem.get("type").asString()).isEqualTo("https://ungis.org/problems/unauthorized");
    assertThat(problem.get("status").asInt()).isEqualTo(401);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) {
    return JsonMapper.shared().readTree(response.body());
  }

  @SpringBootApplication
  @EnableMethodSecurity
  static class TinyService {

    @RestController
    static class TinyController {

      @GetMapping("/api/v1/whoami")
      Map<String, Object> whoami(AuthenticatedActor actor) {
        return Map.of(
            "agency", actor.agency(),
            "principal", actor.principal(),
            "roles", actor.roles(),
            "sameAsCurrentActor",
                actor.equals(CurrentActor.require()) && actor.equals(AuthenticatedActor.current()));
      }

      @GetMapping("/api/v1/reviewer-only")
      @PreAuthorize("hasRole('REVIEWER')")
      String reviewerOnly(AuthenticatedActor actor) {
        return actor.agency();
      }

      @GetMapping("/internal/v1/ping")
      String ping() {
        return "pong";
      }

      @GetMapping("/api/v1/records/{id}")
      String record(@org.springframework.web.bind.annotation.PathVariable String id) {
        return "record " + id;
      }
    }
  }
}
