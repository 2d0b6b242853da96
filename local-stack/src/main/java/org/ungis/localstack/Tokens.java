package org.ungis.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Client-credentials tokens from the local authorization server, with its development credentials:
 * an agency's intake client {@code <code>-intake} / {@code <code>-secret}, a reviewer's {@code
 * reviewer-<code>-1} / {@code reviewer-<code>-1-secret}, an agency's integrator {@code
 * <code>-webhooks} / {@code <code>-webhooks-secret} (auth-server README). When no authorization
 * server answers, there are no tokens and the services read the acting agency from the {@code
 * X-Ungis-*} headers instead.
 */
final class Tokens {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private record Token(String value, Instant expires) {}

  private final String tokenUrl;
  private final boolean available;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  Tokens(String authServerUrl) {
    this.tokenUrl = authServerUrl + "/oauth2/token";
    this.available = answers(authServerUrl + "/.well-known/oauth-authorization-server");
  }

  boolean available() {
    return available;
  }

  Optional<String> forAgency(String agency) {
    String code = agency.toLowerCase(Locale.ROOT);
    return token(code + "-intake", code + "-secret");
  }

  Optional<String> forReviewer(String agency) {
    String id = "reviewer-" + agency.toLowerCase(Locale.ROOT) + "-1";
    return token(id, id + "-secret");
  }

  /**
   * An agency's integrator: registers webhooks ({@code <code>-webhooks}, scope webhooks.manage).
   */
  Optional<String> forWebhooks(String agency) {
    String id = agency.toLowerCase(Locale.ROOT) + "-webhooks";
    return token(id, id + "-secret");
  }

  private Optional<String> token(String clientId, String secret) {
    if (!available) {
      return Optional.empty();
    }
    Token cached = cache.get(clientId);
    if (cached != null && cached.expires().isAfter(Instant.now().plusSeconds(30))) {
      return Optional.of(cached.value());
    }
    String basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(tokenUrl))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "no token for " + clientId + ": " + response.statusCode() + " " + response.body());
      }
      JsonNode json = Http.JSON.readTree(response.body());
      Token token =
          new Token(
              json.path("access_token").asString(),
              Instant.now().plusSeconds(json.path("expires_in").asLong(60)));
      cache.put(clientId, token);
      return Optional.of(token.value());
    } catch (IOException e) {
      throw new IllegalStateException("the authorization server does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static boolean answers(String url) {
    try {
      return CLIENT
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
