package org.ungis.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.registry.server.RegistryHttp.Response;

/**
 * Who may do what, over real HTTP against the real registry: open reads, writes for a writer,
 * deletes and global changes for an admin, {@code 401}/{@code 403} with Confluent's error codes.
 */
class RegistryAccessIT {

  static final String READER_INFO = "auditor:auditor-password";
  static final String READER_HASH =
      "{bcrypt}"
          + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
              .encode("auditor-password");

  static EmbeddedSchemaRegistry registry;
  static RegistryHttp anonymous;
  static RegistryHttp writer;
  static RegistryHttp admin;
  static RegistryHttp wrongPassword;

  @BeforeAll
  static void start() {
    registry =
        EmbeddedSchemaRegistry.start(
            TestBroker.bootstrapServers(),
            Map.of(
                "schema-registry.topic", "_schemas_access",
                "ungis.registry.users.auditor.password", READER_HASH,
                "ungis.registry.users.auditor.role", "READER"));
    anonymous = new RegistryHttp(registry.url(), null);
    writer = new RegistryHttp(registry.url(), EmbeddedSchemaRegistry.SERVICES_USER_INFO);
    admin = new RegistryHttp(registry.url(), EmbeddedSchemaRegistry.ADMIN_USER_INFO);
    wrongPassword = new RegistryHttp(registry.url(), "ungis-services:guess");
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private static void assertUnauthorized(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(401);
    assertThat(response.errorCode()).isEqualTo(40101);
    assertThat(response.wwwAuthenticate()).startsWith("Basic");
    assertThat(response.contentType()).contains("vnd.schemaregistry.v1+json");
  }

  private static void assertForbidden(Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(403);
    assertThat(response.errorCode()).isEqualTo(40301);
  }

  @Test
  void registeringNeedsAWriterAndReadingNeedsNobody() {
    assertUnauthorized(anonymous.register("access-a-value", Schemas.V1));
    assertUnauthorized(wrongPassword.register("access-a-value", Schemas.V1));
    assertUnauthorized(
        new RegistryHttp(registry.url(), "nobody:nothing").register("access-a-value", Schemas.V1));
    assertForbidden(
        new RegistryHttp(registry.url(), READER_INFO).register("access-a-value", Schemas.V1));

    Response registered = writer.register("access-a-value", Schemas.V1);
    assertThat(registered.status()).as(registered.body()).isEqualTo(200);
    int id = registered.json().path("id").asInt();

    assertThat(anonymous.get("/schemas/ids/" + id).status()).isEqualTo(200);
    assertThat(anonymous.get("/subjects/access-a-value/versions/latest").status()).isEqualTo(200);
    assertThat(
            anonymous
                .post("/subjects/access-a-value", RegistryHttp.schemaBody(Schemas.V1))
                .status())
        .isEqualTo(200);
    assertThat(
            anonymous
                .post(
                    "/compatibility/subjects/access-a-value/versions/latest",
                    RegistryHttp.schemaBody(Schemas.WITH_OPTIONAL))
                .status())
        .isEqualTo(200);
    assertThat(anonymous.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    assertUnauthorized(wrongPassword.get("/subjects"));
  }

  @Test
  void aWriterSetsASubjectsLevelButOnlyAnAdminDeletesOrChangesGlobalSettings() {
    assertThat(writer.register("access-b-value", Schemas.V1).status()).isEqualTo(200);
    assertUnauthorized(anonymous.put("/config/access-b-value", "{\"compatibility\":\"FULL\"}"));
    assertThat(writer.put("/config/access-b-value", "{\"compatibility\":\"FULL\"}").status())
        .isEqualTo(200);

    assertForbidden(writer.put("/config", "{\"compatibility\":\"NONE\"}"));
    assertForbidden(writer.put("/mode", "{\"mode\":\"READONLY\"}"));
    assertForbidden(writer.put("/mode/access-b-value", "{\"mode\":\"READONLY\"}"));
    assertForbidden(writer.delete("/subjects/access-b-value/versions/1"));
    assertForbidden(writer.delete("/subjects/access-b-value"));
    assertUnauthorized(anonymous.delete("/subjects/access-b-value"));
    assertThat(anonymous.get("/subjects/access-b-value/versions").body()).isEqualTo("[1]");

    assertThat(admin.delete("/subjects/access-b-value").status()).isEqualTo(200);
    assertForbidden(writer.delete("/subjects/access-b-value?permanent=true"));
    assertThat(admin.delete("/subjects/access-b-value?permanent=true").status()).isEqualTo(200);
    assertThat(admin.get("/config").json().path("compatibilityLevel").asString())
        .isEqualTo("BACKWARD");
  }

  @Test
  void withClosedReadsEveryCallNeedsAUser() {
    try (EmbeddedSchemaRegistry closed =
        EmbeddedSchemaRegistry.start(
            TestBroker.bootstrapServers(),
            Map.of(
                "schema-registry.topic",
                "_schemas_access",
                "ungis.registry.open-reads",
                false,
                "ungis.registry.users.auditor.password",
                READER_HASH,
                "ungis.registry.users.auditor.role",
                "READER"))) {
      assertUnauthorized(new RegistryHttp(closed.url(), null).get("/subjects"));
      assertUnauthorized(
          new RegistryHttp(closed.url(), null)
              .post("/subjects/access-a-value", RegistryHttp.schemaBody(Schemas.V1)));
      assertThat(new RegistryHttp(closed.url(), READER_INFO).get("/subjects").status())
          .isEqualTo(200);
      assertThat(
              new RegistryHttp(closed.url(), EmbeddedSchemaRegistry.SERVICES_USER_INFO)
                  .get("/subjects")
                  .status())
          .isEqualTo(200);
      assertThat(
              new RegistryHttp(closed.url(), null).get("/actuator/health/liveness", null).status())
          .isEqualTo(200);
    }
  }

  @Test
  void outsideDevelopmentTheRegistryRefusesToStartWithoutUsersOrWithDevelopmentPasswords(
      @TempDir Path dir) throws Exception {
    assertThatThrownBy(
            () ->
                EmbeddedSchemaRegistry.start(
                    TestBroker.bootstrapServers(),
                    Map.of(
                        "schema-registry.topic",
                        "_schemas_access",
                        "ungis.registry.development",
                        false)))
        .hasStackTraceContaining("no users")
        .hasStackTraceContaining("ungis.registry.development=true");
    assertThatThrownBy(
            () ->
                EmbeddedSchemaRegistry.start(
                    TestBroker.bootstrapServers(),
                    Map.of(
                        "schema-registry.topic", "_schemas_access",
                        "ungis.registry.development", false,
                        "ungis.registry.users.services.password", "{noop}ungis-services-secret",
                        "ungis.registry.users.services.role", "WRITER")))
        .hasStackTraceContaining("development passwords of ungis.registry.users.services");

    // As docs/operator.md says: the users in a file of the operator's own, imported.
    Path users =
        Files.writeString(
            dir.resolve("registry-users.yml"),
            "ungis:\n  registry:\n    users:\n      auditor:\n        password: \""
                + READER_HASH
                + "\"\n        role: admin\n");
    try (EmbeddedSchemaRegistry production =
        EmbeddedSchemaRegistry.start(
            TestBroker.bootstrapServers(),
            Map.of(
                "schema-registry.topic",
                "_schemas_access",
                "ungis.registry.development",
                false,
                "spring.config.import",
                "file:" + users))) {
      assertUnauthorized(
          new RegistryHttp(production.url(), EmbeddedSchemaRegistry.ADMIN_USER_INFO)
              .put("/config", "{\"compatibility\":\"FULL\"}"));
      assertThat(
              new RegistryHttp(production.url(), READER_INFO)
                  .put("/config/access-c-value", "{\"compatibility\":\"FULL\"}")
                  .status())
          .isEqualTo(200);
    }
  }
}
