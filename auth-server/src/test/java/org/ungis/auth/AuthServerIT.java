package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The authorization server over real HTTP, as a client and a resource server see it. */
class AuthServerIT {

  static final Charset UTF8 = StandardCharsets.UTF_8;
  static final HttpClient http = HttpClient.newHttpClient();
  static EmbeddedAuthServer auth;

  @BeforeAll
  static void start() {
    auth = SharedAuthServer.get();
  }

  @Test
  void anAgencyClientGetsAPlatformTokenWithClientCredentials() throws Exception {
    HttpResponse<String> response = tokenRequest("itu-intake", "itu-secret", Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json(response.body());
    assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
    assertThat(body.get("expires_in").asLong()).isBetween(890L, 900L);
    assertThat(body.get("scope").asString().split(" "))
        .containsExactlyInAnyOrder("contributions.read", "contributions.write", "processes.read");

    Jwt jwt = jwksDecoder().decode(body.get("access_token").asString());
    assertThat(jwt.getSubject()).isEqualTo("itu-intake");
    assertThat(jwt.getClaimAsString("agency")).isEqualTo("ITU");
    assertThat(jwt.getClaimAsString("principal")).isEqualTo("intake@itu.int");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AGENCY");
    assertThat(jwt.getAudience()).containsExactly("ungis-platform");
    assertThat(jwt.getClaimAsString("scope"))
        .isEqualTo("contributions.read contributions.write processes.read");
    assertThat(jwt.getClaimAsString("iss")).isEqualTo(auth.issuer());
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
  }

  @Test
  void aReviewerClientGetsAReviewerToken() {
    Jwt jwt = jwksDecoder().decode(auth.reviewerToken("reviewer-unctad-1"));

    assertThat(jwt.getSubject()).isEqualTo("reviewer-unctad-1");
    assertThat(jwt.getClaimAsString("agency")).isEqualTo("UNCTAD");
    assertThat(jwt.getClaimAsString("principal")).isEqualTo("reviewer-1@unctad.int");
    assertThat(jwt.getClaimAsString("name")).isEqualTo("UNCTAD reviewer 1");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("REVIEWER");
    assertThat(jwt.getClaimAsString("scope"))
        .isEqualTo("contributions.read processes.read processes.write reviews.read reviews.write");
  }

  @Test
  void aWrongSecretIs401() throws Exception {
    HttpResponse<String> response = tokenRequest("itu-intake", "not-the-secret", Map.of());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(json(response.body()).get("error").asString()).isEqualTo("invalid_client");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"ungis\"");
  }

  @Test
  void anUnknownClientIs401() throws Exception {
    assertThat(tokenRequest("nobody-intake", "nobody-secret", Map.of()).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aClientMayAskForFewerScopesButNotForOthers() throws Exception {
    HttpResponse<String> narrower =
        tokenRequest("undp-intake", "undp-secret", Map.of("scope", "contributions.read"));
    HttpResponse<String> foreign =
        tokenRequest("undp-intake", "undp-secret", Map.of("scope", "reviews.write"));

    assertThat(narrower.statusCode()).isEqualTo(200);
    assertThat(json(narrower.body()).get("scope").asString()).isEqualTo("contributions.read");
    assertThat(foreign.statusCode()).isEqualTo(400);
    assertThat(json(foreign.body()).get("error").asString()).isEqualTo("invalid_scope");
  }

  @Test
  void credentialsInTheFormBodyWorkToo() throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(auth.tokenUri()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "grant_type=client_credentials&client_id=fao-intake&client_secret=fao-secret"))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void oidcDiscoveryLeadsAResourceServerToTheKeys() throws Exception {
    JsonNode discovery = json(get("/.well-known/openid-configuration"));
    assertThat(discovery.get("issuer").asString()).isEqualTo(auth.issuer());
    assertThat(discovery.get("jwks_uri").asString()).isEqualTo(auth.jwkSetUri());
    assertThat(discovery.get("token_endpoint").asString()).isEqualTo(auth.tokenUri());

    // What Spring's resource server does with only an issuer-uri.
    JwtDecoder fromIssuer = JwtDecoders.fromIssuerLocation(auth.issuer());
    Jwt jwt = fromIssuer.decode(auth.intakeToken("UNESCWA"));

    assertThat(jwt.getClaimAsString("agency")).isEqualTo("UNESCWA");
  }

  @Test
  void theJwksPublishesOnlyThePublicKey() throws Exception {
    JsonNode key = json(get("/oauth2/jwks")).get("keys").get(0);

    assertThat(key.get("kty").asString()).isEqualTo("RSA");
    assertThat(key.get("alg").asString()).isEqualTo("RS256");
    assertThat(key.get("use").asString()).isEqualTo("sig");
    assertThat(key.has("d")).isFalse();
    assertThat(key.has("p")).isFalse();
  }

  @Test
  void readinessAndLivenessAreUp() throws Exception {
    assertThat(json(get("/actuator/health/readiness")).get("status").asString()).isEqualTo("UP");
    assertThat(json(get("/actuator/health/liveness")).get("status").asString()).isEqualTo("UP");
  }

  @Test
  void nothingElseIsServed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(auth.issuer() + "/actuator/env")).build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isIn(401, 403);
  }

  @Test
  void repeatedFailedClientAuthenticationsAreSlowedDownWithoutLockingTheOwnerOutForLong()
      throws Exception {
    try (EmbeddedAuthServer server =
        EmbeddedAuthServer.start(Map.of("ungis.auth.failure-max-wait", "2s"))) {
      for (int i = 0; i < FailedAttempts.FREE; i++) {
        assertThat(tokenRequest(server, "unesco-intake", "guess-" + i, Map.of()).statusCode())
            .isEqualTo(401);
      }

      HttpResponse<String> slowed =
          tokenRequest(server, "unesco-intake", "unesco-secret", Map.of());
      assertThat(slowed.statusCode()).as("even the right secret waits").isEqualTo(429);
      assertThat(slowed.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(slowed.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(slowed.body())
          .contains("\"type\":\"https://ungis.org/problems/too-many-attempts\"")
          .contains("try again in 1 s");
      assertThat(tokenRequest(server, "undp-intake", "undp-secret", Map.of()).statusCode())
          .as("another client is not slowed down")
          .isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  tokenRequest(server, "unesco-intake", "unesco-secret", Map.of()).statusCode()
                      == 200);
    }
  }

  @Test
  void withoutTheDevelopmentFlagTheServerDoesNotStartWithTheDevelopmentCredentials() {
    assertThatThrownBy(() -> EmbeddedAuthServer.start(Map.of("ungis.auth.development", "false")))
        .hasStackTraceContaining("does not start with development credentials");
  }

  @Test
  void tokensSurviveARestartAndTheIssuerIsConfigurable(@TempDir Path keys) {
    Map<String, String> settings =
        Map.of(
            "ungis.auth.key-directory", keys.toString(),
            "ungis.auth.issuer", "https://auth.ungis.example",
            "ungis.auth.token-ttl", "5m");
    String token;
    try (EmbeddedAuthServer before = EmbeddedAuthServer.start(settings)) {
      token = before.intakeToken("ITU");
    }
    try (EmbeddedAuthServer after = EmbeddedAuthServer.start(settings)) {
      Jwt jwt = NimbusJwtDecoder.withJwkSetUri(after.jwkSetUri()).build().decode(token);

      assertThat(jwt.getClaimAsString("iss")).isEqualTo("https://auth.ungis.example");
      assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
          .isEqualTo(Duration.ofMinutes(5));
    }
  }

  private static JwtDecoder jwksDecoder() {
    return NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
  }

  private static HttpResponse<String> tokenRequest(
      String clientId, String secret, Map<String, String> extra) throws Exception {
    return tokenRequest(auth, clientId, secret, extra);
  }

  private static HttpResponse<String> tokenRequest(
      EmbeddedAuthServer server, String clientId, String secret, Map<String, String> extra)
      throws Exception {
    StringBuilder form = new StringBuilder("grant_type=client_credentials");
    extra.forEach(
        (k, v) -> form.append('&').append(k).append('=').append(URLEncoder.encode(v, UTF8)));
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(UTF8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.tokenUri()))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(auth.issuer() + path)).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private static JsonNode json(String body) {
    return JsonMapper.shared().readTree(body);
  }
}
