package org.ungis.auth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * Settings of the authorization server ({@code ungis.auth.*}).
 *
 * @param issuer the {@code iss} of every token and the base of the discovery document; blank means
 *     "the URL the request came in on" (handy on a random port)
 * @param audience the {@code aud} of every access token
 * @param tokenTtl how long an access token lives
 * @param refreshTokenTtl how long a person's refresh token lives (a new one comes with every
 *     refresh)
 * @param keyDirectory where the generated RSA signing key is kept ({@code signing-key.pem}), so
 *     that tokens stay valid across restarts; ignored when {@code signingKey} is set
 * @param signingKey an RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) to sign
 *     with instead of the generated one, e.g. {@code file:/run/secrets/auth-signing-key.pem}
 * @param reviewers the YAML file listing the reviewer clients
 * @param peoplePasswords the YAML file of people's password hashes ({@code dev-people.yml} in
 *     development)
 * @param portal the portal, the client that signs people in
 * @param development whether the development credentials may be used (the portal's {@code
 *     portal-secret}, the machine clients' {@code <id>-secret}, the bundled {@code
 *     dev-people.yml}); without it the server refuses to start with any of them ({@link
 *     DevelopmentSecrets})
 * @param clientSecrets the YAML file of the machine clients' secrets ({@code secrets: {client id:
 *     "{bcrypt}..."}}); a client listed there uses that secret; one not listed has its development
 *     secret in development and no secret at all (it cannot get a token) otherwise
 */
@ConfigurationProperties("ungis.auth")
record AuthServerSettings(
    @DefaultValue("http://localhost:9000") String issuer,
    @DefaultValue("ungis-platform") String audience,
    @DefaultValue("15m") Duration tokenTtl,
    @DefaultValue("8h") Duration refreshTokenTtl,
    Path keyDirectory,
    Resource signingKey,
    Resource reviewers,
    Resource peoplePasswords,
    @DefaultValue Portal portal,
    @DefaultValue("false") boolean development,
    Resource clientSecrets) {

  AuthServerSettings {
    if (keyDirectory == null) {
      keyDirectory = Path.of(System.getProperty("java.io.tmpdir"), "ungis", "auth-server");
    }
    requirePositive("ungis.auth.token-ttl", tokenTtl);
    requirePositive("ungis.auth.refresh-token-ttl", refreshTokenTtl);
  }

  private static void requirePositive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /**
   * The portal's client registration ({@code ungis.auth.portal.*}): client id {@code portal},
   * {@code client_secret_basic}, authorization code with PKCE and refresh tokens, no consent
   * screen.
   *
   * @param clientSecret the client secret; clear text, or a hash naming its algorithm ({@code
   *     {bcrypt}...})
   * @param redirectUris where the portal receives the authorization code (exact match; for a {@code
   *     127.0.0.1} or {@code [::1]} URI any port, RFC 8252)
   * @param postLogoutRedirectUris where the browser may go after signing out (exact match)
   */
  record Portal(
      @DefaultValue("portal-secret") String clientSecret,
      @DefaultValue({
            "http://localhost:8080/login/oauth2/code/ungis",
            "http://127.0.0.1:8080/login/oauth2/code/ungis"
          })
          List<String> redirectUris,
      @DefaultValue({"http://localhost:8080/", "http://127.0.0.1:8080/"})
          List<String> postLogoutRedirectUris) {

    Portal {
      redirectUris = List.copyOf(redirectUris);
      postLogoutRedirectUris = List.copyOf(postLogoutRedirectUris);
      if (redirectUris.isEmpty()) {
        throw new IllegalArgumentException("ungis.auth.portal.redirect-uris must not be empty");
      }
    }
  }
}
