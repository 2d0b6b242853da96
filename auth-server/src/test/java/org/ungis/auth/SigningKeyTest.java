package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;

class SigningKeyTest {

  @TempDir Path directory;

  @Test
  void aKeyGeneratedAtFirstStartIsKeptAndReused() throws Exception {
    RSAKey first = SigningKey.loadOrCreate(directory.resolve("keys"));
    RSAKey second = SigningKey.loadOrCreate(directory.resolve("keys"));

    Path file = directory.resolve("keys").resolve(SigningKey.FILE_NAME);
    assertThat(file).exists();
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
    assertThat(second.toRSAPublicKey()).isEqualTo(first.toRSAPublicKey());
    assertThat(first.isPrivate()).isTrue();
  }

  @Test
  void aConfiguredPemKeyIsUsedInsteadOfTheDirectory() throws Exception {
    RSAKey generated = SigningKey.loadOrCreate(directory.resolve("elsewhere"));
    Path pem = directory.resolve("elsewhere").resolve(SigningKey.FILE_NAME);
    var settings =
        new AuthServerSettings(
            "http://localhost:9000",
            "ungis-platform",
            Duration.ofMinutes(15),
            Duration.ofHours(8),
            directory.resolve("unused"),
            new FileSystemResource(pem),
            null,
            null,
            new AuthServerSettings.Portal(
                "portal-secret", List.of("http://localhost:8080/callback"), List.of()),
            true,
            null);

    RSAKey configured = SigningKey.load(settings);

    assertThat(configured.getKeyID()).isEqualTo(generated.getKeyID());
    assertThat(directory.resolve("unused")).doesNotExist();
  }

  @Test
  void somethingElseThanAPkcs8PemIsRefusedWithAHint() {
    assertThatThrownBy(
            () ->
                SigningKey.fromPem(
                    "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----",
                    "key.pem"))
        .hasMessageContaining("openssl pkcs8 -topk8");
  }
}
