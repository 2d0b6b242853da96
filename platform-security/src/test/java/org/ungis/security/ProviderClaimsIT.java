package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Another OIDC provider's tokens, accepted by configuration alone: the claim names and the audience
 * are settings, a differently named claim (an Entra ID directory extension) and a nested one (roles
 * of a Keycloak client) included. Same tiny service as {@link PlatformSecurityIT}.
 */
@SpringBootTest(
    classes = PlatformSecurityIT.TinyService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ungis.security.audience=api://ungis",
      "ungis.security.claims.agency=extension_b7e4c1d2_agency",
      "ungis.security.claims.principal=preferred_username",
      "ungis.security.claims.roles=resource_access.ungis-api.roles"
    })
class ProviderClaimsIT {

  static final TestKeys PROVIDER = TestKeys.generate();
  static Path keyDir;

  @DynamicPropertySource
  static void trustTheProvidersKey(DynamicPropertyRegistry registry) throws IOException {
    keyDir = PROVIDER.trustedBy(registry);
  }

  @AfterAll
  static void removeKeys() throws IOException {
    FileSystemUtils.deleteRecursively(keyDir);
  }

  @LocalServerPort int port;

  final HttpClient http = HttpClient.newHttpClient();

  static String providerToken() {
    return PROVIDER.token(
        claims ->
            claims
                .subject("9c1e6a0f-4b7d-4e51-a2b8-0f3d9e7c5a11")
                .audience(List.of("api://ungis"))
                .claims(
                    all -> {
                      all.remove("agency");
                      all.remove("principal");
                      all.remove("roles");
                    })
                .claim("extension_b7e4c1d2_agency", "UNDP")
                .claim("preferred_username", "maria.gonzalez@undp.org")
                .claim(
                    "resource_access", Map.of("ungis-api", Map.of("roles", List.of("REVIEWER")))));
  }

  @Test
  void theActorIsReadFromTheConfiguredAndNestedClaims() throws Exception {
    HttpResponse<String> response = get("/api/v1/whoami", providerToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JsonMapper.shared().readTree(response.body());
    assertThat(body.get("agency").asString()).isEqualTo("UNDP");
    assertThat(body.get("principal").asString()).isEqualTo("maria.gonzalez@undp.org");
    assertThat(body.get("roles").get(0).asString()).isEqualTo("REVIEWER");
    assertThat(get("/api/v1/reviewer-only", providerToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void aTokenWithThePlatformsOwnClaimNamesIsNotReadHere() throws Exception {
    String platformNames = PROVIDER.token(claims -> claims.audience(List.of("api://ungis")));

    assertThat(get("/api/v1/whoami", platformNames).statusCode()).isEqualTo(401);
  }

  @Test
  void theConfiguredAudienceIsRequired() throws Exception {
    String otherAudience =
        PROVIDER.token(
            claims ->
                claims
                    .audience(List.of("ungis-platform"))
                    .claim("extension_b7e4c1d2_agency", "UNDP"));

    assertThat(get("/api/v1/whoami", otherAudience).statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> get(String path, String token) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
