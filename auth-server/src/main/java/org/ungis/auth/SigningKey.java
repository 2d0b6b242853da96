package org.ungis.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;

/**
 * The RSA key that signs every token (RS256). Either configured as a PKCS#8 PEM, or generated at
 * first start and kept as {@code signing-key.pem} in the key directory, so that a restart keeps
 * issuing (and the services keep accepting) tokens signed by the same key. The key id ({@code kid})
 * is the key's RFC 7638 thumbprint.
 */
final class SigningKey {

  static final String FILE_NAME = "signing-key.pem";

  private static final Logger log = LoggerFactory.getLogger(SigningKey.class);
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private SigningKey() {}

  static RSAKey load(AuthServerSettings settings) {
    if (settings.signingKey() != null) {
      log.info("Signing tokens with the configured key {}", settings.signingKey());
      return fromPem(read(settings.signingKey()), settings.signingKey().toString());
    }
    return loadOrCreate(settings.keyDirectory());
  }

  static RSAKey loadOrCreate(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      log.info("Signing tokens with the key kept in {}", file);
      return fromPem(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the signing key in " + file, e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = Files.createTempFile(file.getParent(), "signing-key", ".tmp");
    try {
      restrictToOwner(temp);
      Files.writeString(temp, toPem(generate()), StandardCharsets.US_ASCII);
      // Two servers starting at once on the same directory: the first key wins, both use it.
      Files.move(temp, file);
      log.info("Generated a new RSA signing key in {}", file);
    } catch (FileAlreadyExistsException e) {
      Files.deleteIfExists(temp);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrictToOwner(Path path) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows: the user's profile directory is private enough for a development key.
    }
  }

  private static PrivateKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  static String toPem(PrivateKey key) {
    return BEGIN
        + "\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
        + "\n"
        + END
        + "\n";
  }

  static RSAKey fromPem(String pem, String origin) {
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          origin
              + " is not a PKCS#8 PEM private key ("
              + BEGIN
              + "); convert it with"
              + " `openssl pkcs8 -topk8 -nocrypt`");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end));
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(der)) instanceof RSAPrivateCrtKey key)) {
        throw new IllegalArgumentException(origin + " holds no RSA CRT private key");
      }
      RSAPublicKey publicKey =
          (RSAPublicKey)
              rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      RSAKey withoutId =
          new RSAKey.Builder(publicKey)
              .privateKey(key)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .build();
      return new RSAKey.Builder(withoutId).keyID(withoutId.computeThumbprint().toString()).build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalArgumentException(origin + " holds no usable RSA private key", e);
    }
  }

  private static String read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the signing key " + resource, e);
    }
  }
}
