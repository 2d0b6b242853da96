package org.ungis.benchmarks;

import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
      request.header("Authorization", "Bearer " + agencyToken(agency).get());
    }
    return request;
  }

  /**
   * The agency's intake client's token ({@code <code>-intake}), fetched again before it expires.
   */
  Supplier<String> agencyToken(String agency) {
    String code = agency.toLowerCase(Locale.ROOT);
    return client(code + "-intake", code + "-secret");
  }

  /** The agency's first reviewer client's token ({@code reviewer-<code>-1}). */
  Supplier<String> reviewerToken(String agency) {
    String id = "reviewer-" + agency.toLowerCase(Locale.ROOT) + "-1";
    return client(id, id + "-secret");
  }

  /** Adds a reviewer's identity (the agency's first reviewer client) to a request. */
  HttpRequest.Builder asReviewer(HttpRequest.Builder request, String agency) {
    String code = agency.toLowerCase(Locale.ROOT);
    request
        .header("X-Ungis-Agency", agency)
        .header("X-Ungis-Principal", "reviewer-1@" + code + ".int");
    if (tokens) {
      request.header("Authorization", "Bearer " + reviewerToken(agency).get());
    }
    return request;
  }

  private Supplier<String> client(String clientId, String secret) {
    return cache.computeIfAbsent(clientId, id -> ClientCredentials.of(authUrl, clientId, secret));
  }
}
