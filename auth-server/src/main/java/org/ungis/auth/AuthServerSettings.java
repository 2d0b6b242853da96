package org.ungis.auth;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param keyDirectory where the generated RSA signing key is kept ({@code signing-key.pem}), so
 *     that tokens stay valid across restarts; ignored when {@code signingKey} is set
 * @param signingKey an RSA private key in PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}) to sign
 *     with instead of the generated one, e.g. {@code file:/run/secrets/auth-signing-key.pem}
 * @param reviewers the YAML file listing the reviewer clients
 */
@ConfigurationProperties("ungis.auth")
record AuthServerSettings(
    @DefaultValue("http://localhost:9000") String issuer,
    @DefaultValue("ungis-platform") String audience,
    @DefaultValue("15m") Duration tokenTtl,
    Path keyDirectory,
    Resource signingKey,
    Resource reviewers) {

  AuthServerSettings {
    if (keyDirectory == null) {
      keyDirectory = Path.of(System.getProperty("java.io.tmpdir"), "ungis", "auth-server");
    }
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("ungis.auth.token-ttl must be positive: " + tokenTtl);
    }
  }
}
