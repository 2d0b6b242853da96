package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

class DevelopmentSecretsTest {

  @TempDir Path dir;

  static AuthServerSettings settings(
      String portalSecret, Resource people, boolean development, Resource clientSecrets) {
    return new AuthServerSettings(
        "http://localhost:9000",
        "ungis-platform",
        Duration.ofMinutes(15),
        Duration.ofHours(8),
        null,
        null,
        null,
        people,
        new AuthServerSettings.Portal(
            portalSecret, List.of("http://localhost:8080/login/oauth2/code/ungis"), List.of()),
        development,
        clientSecrets);
  }

  @Test
  void outsideDevelopmentTheServerRefusesEveryDevelopmentCredential() {
    assertThatThrownBy(
            () ->
                DevelopmentSecrets.refuseInProduction(settings("portal-secret", null, false, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ungis.auth.portal.client-secret")
        .hasMessageContaining("dev-people.yml")
        .hasMessageContaining("ungis.auth.client-secrets")
        .hasMessageContaining("ungis.auth.development=true");
    assertThatThrownBy(
            () ->
                DevelopmentSecrets.refuseInProduction(
                    settings(
                        "a-real-secret",
                        new ClassPathResource("dev-people.yml"),
                        false,
                        new FileSystemResource(dir.resolve("clients.yml")))))
        .hasMessageContaining("dev-people.yml")
        .hasMessageNotContaining("portal");
  }

  @Test
  void ownCredentialsOrTheDevelopmentFlagStart() throws Exception {
    Path people = Files.writeString(dir.resolve("people.yml"), "passwords: {}\n");
    Path clients =
        Files.writeString(
            dir.resolve("clients.yml"), "secrets:\n  itu-intake: \"{bcrypt}$2a$x\"\n");

    DevelopmentSecrets.refuseInProduction(
        settings(
            "a-real-secret",
            new FileSystemResource(people),
            false,
            new FileSystemResource(clients)));
    DevelopmentSecrets.refuseInProduction(settings("portal-secret", null, true, null));
  }

  @Test
  void outsideDevelopmentAMachineClientHasOnlyTheSecretTheFileGivesIt() throws Exception {
    Path clients =
        Files.writeString(
            dir.resolve("clients.yml"), "secrets:\n  itu-intake: \"{bcrypt}$2a$x\"\n");
    Map<String, String> secrets = DevelopmentSecrets.load(new FileSystemResource(clients));
    PlatformClient itu = client("itu-intake");
    PlatformClient undp = client("undp-intake");

    assertThat(DevelopmentSecrets.secretOf(itu, secrets, false)).contains("{bcrypt}$2a$x");
    assertThat(DevelopmentSecrets.secretOf(undp, secrets, false)).isEmpty();
    assertThat(DevelopmentSecrets.secretOf(undp, secrets, true)).contains("{noop}undp-secret");
  }

  private static PlatformClient client(String id) {
    return new PlatformClient(
        id,
        id.replace("-intake", "") + "-secret",
        "ITU",
        "intake@itu.int",
        id,
        List.of(PlatformClient.AGENCY_ROLE),
        PlatformClient.AGENCY_SCOPES);
  }
}
