package org.ungis.e2e;

import org.ungis.client.ClientCredentials;

/**
 * Client-credentials tokens from the platform's authorization server ({@code POST /oauth2/token}).
 */
public final class AuthTokens {

  private final String baseUrl;

  public AuthTokens(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** A fresh access token for a client; fails with the server's answer if it refuses. */
  public String token(String clientId, String secret) {
    return ClientCredentials.of(baseUrl, clientId, secret).get();
  }
}
