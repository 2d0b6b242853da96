package org.ungis.security;

import java.io.IOException;
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
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/** An RSA key pair that mints RS256 tokens the way the platform's authorization server does. */
final class TestKeys {

  private final KeyPair keyPair;
  private final NimbusJwtEncoder encoder;

  private TestKeys(KeyPair keyPair) {
    this.keyPair = keyPair;
    this.encoder =
        NimbusJwtEncoder.withKeyPair(
                (RSAPublicKey) keyPair.getPublic(), (RSAPrivateKey) keyPair.getPrivate())
            .build();
  }

  static TestKeys generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new TestKeys(generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  RSAPublicKey publicKey() {
    return (RSAPublicKey) keyPair.getPublic();
  }

  /** Writes the public key as a PEM file, the format of {@code public-key-location}. */
  Path writePublicKeyPem(Path directory) throws IOException {
    String pem =
        "-----BEGIN PUBLIC KEY-----\n"
            + Base64.getMimeEncoder(64, new byte[] {'\n'})
                .encodeToString(keyPair.getPublic().getEncoded())
            + "\n-----END PUBLIC KEY-----\n";
    return Files.writeString(directory.resolve("public-key.pem"), pem);
  }

  /**
   * Makes the service under test trust this key: writes the public key to a new temporary directory
   * and points {@code public-key-location} at it.
   *
   * @return the directory, to delete after the tests
   */
  Path trustedBy(DynamicPropertyRegistry registry) throws IOException {
    Path directory = Files.createTempDirectory("platform-security-keys");
    Path pem = writePublicKeyPem(directory);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.public-key-location",
        () -> pem.toUri().toString());
    return directory;
  }

  /** A token for ITU's intake client, valid now, adjusted by {@code customizer}. */
  String token(Consumer<JwtClaimsSet.Builder> customizer) {
    Instant now = Instant.now();
    JwtClaimsSet.Builder claims =
        JwtClaimsSet.builder()
            .issuer("http://localhost:9000")
            .subject("itu-intake")
            .audience(List.of("ungis-platform"))
            .issuedAt(now)
            .notBefore(now)
            .expiresAt(now.plus(Duration.ofMinutes(15)))
            .claim("agency", "ITU")
            .claim("principal", "intake@itu.int")
            .claim("roles", List.of("AGENCY"))
            .claim("scope", "contributions.write contributions.read");
    customizer.accept(claims);
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  String token() {
    return token(claims -> {});
  }
}
