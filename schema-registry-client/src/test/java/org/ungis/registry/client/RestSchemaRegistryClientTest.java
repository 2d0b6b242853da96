package org.ungis.registry.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.testing.Farewell;
import org.ungis.registry.testing.Greeting;

class RestSchemaRegistryClientTest {

  private StubRegistryServer server;

  @BeforeEach
  void start() throws IOException {
    server = StubRegistryServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void speaksTheRegistryContentTypeAndCachesEveryAnswer() {
    RestSchemaRegistryClient client = client(Map.of());
    Schema schema = Greeting.getClassSchema();

    int id = client.register("greetings-value", schema);
    assertThat(client.register("greetings-value", schema)).isEqualTo(id);
    assertThat(client.getId("greetings-value", schema)).isEqualTo(id);
    assertThat(client.getSchemaById(id)).isEqualTo(schema);
    SchemaMetadata latest = client.getLatestSchemaMetadata("greetings-value");
    assertThat(client.getLatestSchemaMetadata("greetings-value")).isEqualTo(latest);
    assertThat(client.getSchemaMetadata("greetings-value", 1)).isEqualTo(latest);
    assertThat(client.getSchemaMetadata("greetings-value", 1)).isEqualTo(latest);

    assertThat(latest.parsedSchema()).isEqualTo(schema);
    assertThat(latest.version()).isEqualTo(1);
    assertThat(server.requests())
        .containsExactly(
            "POST /subjects/greetings-value/versions",
            "GET /subjects/greetings-value/versions/latest",
            "GET /subjects/greetings-value/versions/1");
    assertThat(client.requestCount()).isEqualTo(3);
    assertThat(server.headers().get(0))
        .containsEntry("content-type", "application/vnd.schemaregistry.v1+json")
        .containsKey("accept");
    assertThat(server.headers().get(0).get("accept"))
        .startsWith("application/vnd.schemaregistry.v1+json");
  }

  @Test
  void looksUpWithoutRegisteringAndFetchesSchemasItDidNotRegister() {
    RestSchemaRegistryClient writer = client(Map.of());
    int id = writer.register("farewells-value", Farewell.getClassSchema(), true);
    RestSchemaRegistryClient reader = client(Map.of());

    assertThat(reader.getSchemaById(id)).isEqualTo(Farewell.getClassSchema());
    assertThat(reader.getId("farewells-value", Farewell.getClassSchema())).isEqualTo(id);
    assertThat(server.requests())
        .containsExactly(
            "POST /subjects/farewells-value/versions?normalize=true",
            "GET /schemas/ids/" + id,
            "POST /subjects/farewells-value");
  }

  @Test
  void anErrorBodyBecomesATypedExceptionWithStatusAndErrorCode() {
    RestSchemaRegistryClient client = client(Map.of());

    assertThatThrownBy(() -> client.getLatestSchemaMetadata("no such subject"))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40401);
              assertThat(e.isNotFound()).isTrue();
            })
        .hasMessageContaining("Subject 'no such subject' not found.");
    assertThat(server.requests())
        .containsExactly("GET /subjects/no%20such%20subject/versions/latest");
    assertThatThrownBy(() -> client.getSchemaById(99))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40403));
  }

  @Test
  void sendsBasicCredentialsFromUserInfo() {
    RestSchemaRegistryClient client =
        client(
            Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "ungis:s3cret:with-colon"));

    client.register("greetings-value", Greeting.getClassSchema());

    assertThat(server.headers().get(0))
        .containsEntry("authorization", "Basic " + base64("ungis:s3cret:with-colon"));
  }

  @Test
  void sendsBasicCredentialsFromTheUrlAndNeverPutsThemInThePath() {
    String url = server.url().replace("http://", "http://reg%40user:p%3Ass@");
    RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(
            Map.of("schema.registry.url", url, "basic.auth.credentials.source", "URL"));

    client.register("greetings-value", Greeting.getClassSchema());

    assertThat(server.headers().get(0))
        .containsEntry("authorization", "Basic " + base64("reg@user:p:ss"));
    assertThat(client.urls().get(0).toString()).isEqualTo(server.url());
  }

  @Test
  void sendsNoCredentialsUnlessASourceIsConfigured() {
    client(Map.of("basic.auth.user.info", "ignored:unless-source"))
        .register("greetings-value", Greeting.getClassSchema());

    assertThat(server.headers().get(0)).doesNotContainKey("authorization");
  }

  @Test
  void failsOverToTheNextUrlAndStaysThere() throws IOException {
    String dead = "http://127.0.0.1:" + freePort();
    RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(
            Map.of(
                "schema.registry.url", dead + "," + server.url(), "http.connect.timeout.ms", 2000));

    int id = client.register("greetings-value", Greeting.getClassSchema());
    client.register("farewells-value", Farewell.getClassSchema());

    assertThat(id).isPositive();
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void reportsAnUnreachableRegistryWithEveryUrlTried() throws IOException {
    RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(
            Map.of("schema.registry.url", "http://127.0.0.1:" + freePort()));

    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void timesOutWhenTheRegistryDoesNotAnswer() {
    server.stall();
    RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(
            Map.of("schema.registry.url", server.url(), "http.read.timeout.ms", "300"));

    assertThatThrownBy(() -> client.getSchemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("timed out");
  }

  @Test
  void refusesMisconfiguration() {
    assertThatThrownBy(() -> new RestSchemaRegistryClient(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("schema.registry.url");
    assertThatThrownBy(() -> client(Map.of("basic.auth.credentials.source", "USER_INFO")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("basic.auth.user.info");
    assertThatThrownBy(() -> client(Map.of("basic.auth.credentials.source", "SASL_INHERIT")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SASL_INHERIT");
  }

  @Test
  void mockUrlsSelectASharedInMemoryRegistryPerScope() {
    SchemaRegistryClient a =
        SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "mock://scope-a"));
    SchemaRegistryClient again =
        SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "mock://scope-a/"));
    SchemaRegistryClient b =
        SchemaRegistryClients.forConfig(Map.of("schema.registry.url", "mock://scope-b"));
    try {
      int id = a.register("s", Greeting.getClassSchema());

      assertThat(again).isSameAs(a);
      assertThat(again.getSchemaById(id)).isEqualTo(Greeting.getClassSchema());
      assertThatThrownBy(() -> b.getLatestSchemaMetadata("s"))
          .isInstanceOfSatisfying(
              SchemaRegistryException.class, e -> assertThat(e.errorCode()).isEqualTo(40401));
    } finally {
      MockSchemaRegistry.dropScope("scope-a");
      MockSchemaRegistry.dropScope("scope-b");
    }
  }

  private RestSchemaRegistryClient client(Map<String, Object> extra) {
    Map<String, Object> config = new java.util.HashMap<>(extra);
    config.put("schema.registry.url", server.url());
    return new RestSchemaRegistryClient(config);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
