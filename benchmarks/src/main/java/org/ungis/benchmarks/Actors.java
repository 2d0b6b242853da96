package org.ungis.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who acts: every request carries the {@code X-Ungis-Agency} / {@code X-Ungis-Principal} headers
 * and, when the authorization server answers, a client-credentials bearer token (an agency's {@code
 * <code>-intake} client, a reviewer's {@code reviewer-<code>-1}). Tokens are fetched once per
 * client and refreshed 60 s before they expire, off the request path where possible.
 */
final class Actors {

  private static final Pattern ACCESS_TOKEN =
      Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern EXPIRES_IN = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)");

  private record Token(String value, long expiresAtNanos) {}

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String tokenUrl;
  private final boolean tokens;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  Actors(String authUrl) {
    this.tokenUrl = authUrl + "/oauth2/token";
    this.tokens = answers(authUrl + "/.well-known/oauth-authorization-server");
  }

  boolean usesTokens() {
    return tokens;
  }

  /** Adds the agency's identity to a request to contributions-service. */
  HttpRequest.Builder asAgency(HttpRequest.Builder request, String agency) {
    String code = agency.toLowerCase(Locale.ROOT);
    request.header("X-Ungis-Agency", agency).header("X-Ungis-Principal", "intake@" + code + ".int");
    if (tokens) {
      request.header("Authorization", "Bearer " + token(code + "-intake", code + "-secret"));
    }
    return request;
  }

  /** Adds a reviewer's identity (the agency's first reviewer client) to a request. */
  HttpRequest.Builder asReviewer(HttpRequest.Builder request, String agency) {
    String code = agency.toLowerCase(Locale.ROOT);
    request
        .header("X-Ungis-Agency", agency)
        .header("X-Ungis-Principal", "reviewer-1@" + code + ".int");
    if (tokens) {
      String id = "reviewer-" + code + "-1";
      request.header("Authorization", "Bearer " + token(id, id + "-secret"));
    }
    return request;
  }

  private String token(String clientId, String secret) {
    Token cached = cache.get(clientId);
    long now = System.nanoTime();
    if (cached != null && cached.expiresAtNanos() - now > Duration.ofSeconds(60).toNanos()) {
      return cached.value();
    }
    synchronized (this) {
      cached = cache.get(clientId);
      if (cached != null && cached.expiresAtNanos() - now > Duration.ofSeconds(60).toNanos()) {
        return cached.value();
      }
      Token fresh = fetch(clientId, secret);
      cache.put(clientId, fresh);
      return fresh.value();
    }
  }

  private Token fetch(String clientId, String secret) {
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
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Matcher token = ACCESS_TOKEN.matcher(response.body());
      if (response.statusCode() != 200 || !token.find()) {
        throw new IllegalStateException(
            "no token for " + clientId + ": " + response.statusCode() + " " + response.body());
      }
      Matcher expires = EXPIRES_IN.matcher(response.body());
      long seconds = expires.find() ? Long.parseLong(expires.group(1)) : 300;
      return new Token(token.group(1), System.nanoTime() + Duration.ofSeconds(seconds).toNanos());
    } catch (IOException e) {
      throw new IllegalStateException("the authorization server does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private boolean answers(String url) {
    try {
      return client
              .send(
                  HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
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
