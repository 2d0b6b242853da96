package org.ungis.benchmarks;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ungis.client.ClientCredentials;

/**
 * Who acts: every request carries the {@code X-Ungis-Agency} / {@code X-Ungis-Principal} headers
 * and, when the authorization server answers, a client-credentials bearer token (an agency's {@code
 * <code>-intake} client, a reviewer's {@code reviewer-<code>-1}). Tokens are fetched once per
 * client and fetched again shortly before they expire ({@link ClientCredentials}).
 */
final class Actors {

  private final String authUrl;
  private final boolean tokens;
  private final Map<String, ClientCredentials> cache = new ConcurrentHashMap<>();

  Actors(String authUrl) {
    this.authUrl = authUrl;
    this.tokens = ClientCredentials.serverAnswers(authUrl);
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
    return cache
        .computeIfAbsent(clientId, id -> ClientCredentials.of(authUrl, clientId, secret))
        .get();
  }
}
