package org.ungis.localstack;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ungis.client.ClientCredentials;

/**
 * Client-credentials tokens from the local authorization server, with its development credentials:
 * an agency's intake client {@code <code>-intake} / {@code <code>-secret}, a reviewer's {@code
 * reviewer-<code>-1} / {@code reviewer-<code>-1-secret}, an agency's integrator {@code
 * <code>-webhooks} / {@code <code>-webhooks-secret} (auth-server README). When no authorization
 * server answers, the suppliers give no token (and the services answer 401).
 */
final class Tokens {

  private final String authServerUrl;
  private final boolean available;
  private final Map<String, ClientCredentials> clients = new ConcurrentHashMap<>();

  Tokens(String authServerUrl) {
    this.authServerUrl = authServerUrl;
    this.available = ClientCredentials.serverAnswers(authServerUrl);
  }

  boolean available() {
    return available;
  }

  Supplier<String> forAgency(String agency) {
    String code = agency.toLowerCase(Locale.ROOT);
    return token(code + "-intake", code + "-secret");
  }

  Supplier<String> forReviewer(String agency) {
    String id = "reviewer-" + agency.toLowerCase(Locale.ROOT) + "-1";
    return token(id, id + "-secret");
  }

  /**
   * An agency's integrator: registers webhooks ({@code <code>-webhooks}, scope webhooks.manage).
   */
  Supplier<String> forWebhooks(String agency) {
    String id = agency.toLowerCase(Locale.ROOT) + "-webhooks";
    return token(id, id + "-secret");
  }

  private Supplier<String> token(String clientId, String secret) {
    if (!available) {
      return () -> null;
    }
    return clients.computeIfAbsent(
        clientId, id -> ClientCredentials.of(authServerUrl, clientId, secret));
  }
}
