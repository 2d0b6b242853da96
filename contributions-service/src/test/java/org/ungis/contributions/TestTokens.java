package org.ungis.contributions;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An RSA key that signs tokens the way the platform's authorization server does. Given to the
 * embedded auth-server as its signing key ({@code ungis.auth.signing-key}), it lets a test mint
 * tokens the server never issues (expired, another audience, no role, an agency that is not a
 * member) that are still signed by the trusted key; a second instance is an attacker's key.
 */
final class TestTokens {

  private final KeyPair keyPair;
  private final RSAKey jwk;

  private TestTokens(KeyPair keyPair) {
    this.keyPair = keyPair;
    try {
      RSAKey withoutId =
          new RSAKey.Builder((RSAPublicKey) keyPair.getPublic())
              .privateKey((RSAPrivateKey) keyPair.getPrivate())
              .build();
      this.jwk =
          new RSAKey.Builder(withoutId).keyID(withoutId.computeThumbprint().toString()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static TestTokens generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestTokens(generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the private key as PKCS#8 PEM, the format of {@code ungis.auth.signing-key}. */
  Path writePrivateKeyPem(Path directory) {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keyPair.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    try {
      return Files.writeString(
          directory.resolve("signing-key.pem"), pem, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A token of {@code agency}'s intake client from {@code issuer}, valid for 15 minutes, adjusted
   * by {@code customizer}.
   */
  String token(String issuer, String agency, Consumer<JWTClaimsSet.Builder> customizer) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject(agency.toLowerCase() + "-intake")
            .audience("ungis-platform")
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
            .jwtID(UUID.randomUUID().toString())
            .claim("agency", agency)
            .claim("principal", "intake@" + agency.toLowerCase() + ".int")
            .claim("roles", List.of("AGENCY"))
            .claim("scope", "contributions.read contributions.write");
    customizer.accept(claims);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(jwk.getKeyID())
                .type(JOSEObjectType.JWT)
                .build(),
            claims.build());
    try {
      jwt.sign(new RSASSASigner(jwk));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}
