package org.ungis.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * The access token of a client of the platform's authorization server (OAuth2 client credentials,
 * {@code POST <authServer>/oauth2/token}), fetched when first asked for and again shortly before it
 * expires: a token supplier for {@link UngisClient}. Safe to share between threads.
 */
public final class ClientCredentials implements Supplier<String> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A token is fetched again when it has less than this left. */
  private static final Duration MARGIN = Duration.ofSeconds(30);

  private final URI tokenUrl;
  private final String clientId;
  private final String basic;
  private String token;
  private long expiresAtNanos;

  private ClientCredentials(String authServerUrl, String clientId, String secret) {
    String base =
        authServerUrl.endsWith("/")
            ? authServerUrl.substring(0, authServerUrl.length() - 1)
            : authServerUrl;
    this.tokenUrl = URI.create(base + "/oauth2/token");
    this.clientId = clientId;
    this.basic =
        Base64.getEncoder()
            .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }

  /** The tokens of client {@code clientId} at the authorization server {@code authServerUrl}. */
  public static ClientCredentials of(String authServerUrl, String clientId, String secret) {
    return new ClientCredentials(authServerUrl, clientId, secret);
  }

  /**
   * Whether an authorization server answers at {@code authServerUrl} (its OAuth2 metadata document
   * within 5 s): a client may then act with tokens.
   */
  public static boolean serverAnswers(String authServerUrl) {
    String base =
        authServerUrl.endsWith("/")
            ? authServerUrl.substring(0, authServerUrl.length() - 1)
            : authServerUrl;
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/.well-known/oauth-authorization-server"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * A valid access token; an {@link ApiProblem} when the server refuses the client, an {@link
   * UncheckedIOException} when it does not answer.
   */
  @Override
  public synchronized String get() {
    if (token == null || expiresAtNanos - System.nanoTime() < MARGIN.toNanos()) {
      fetch();
    }
    return token;
  }

  private void fetch() {
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
            .build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw UngisClient.problem(response.statusCode(), response.headers().map(), response.body());
      }
      JsonNode answer = JSON.readTree(response.body());
      this.token = answer.path("access_token").asText();
      this.expiresAtNanos =
          System.nanoTime() + Duration.ofSeconds(answer.path("expires_in").asLong(60)).toNanos();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no token for " + clientId + ": " + tokenUrl + " does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
