package org.ungis.registry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ungis.registry.server.RegistryHttp.Response;
import org.ungis.registry.server.core.CompatibilityLevel;
import tools.jackson.databind.JsonNode;

/**
 * Conformance of the REST API with Confluent's, over real HTTP against the real registry and a real
 * (embedded KRaft) broker. One broker for the module (TestBroker) and one registry for the class;
 * each test uses its own subjects.
 */
class RegistryApiIT {

  static EmbeddedSchemaRegistry registry;
  static RegistryHttp http;

  @BeforeAll
  static void start() {
    registry = EmbeddedSchemaRegistry.start(TestBroker.bootstrapServers());
    http = new RegistryHttp(registry.url());
  }

  @AfterAll
  static void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private static int register(String subject, String schema) {
    Response response = http.register(subject, schema);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("id").asInt();
  }

  private static void assertError(Response response, int status, int errorCode) {
    assertThat(response.status()).as(response.body()).isEqualTo(status);
    assertThat(response.errorCode()).as(response.body()).isEqualTo(errorCode);
    assertThat(response.json().path("message").asString()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  // ------------------------------------------------------------ registration and look-up

  @Test
  void registrationIsIdempotentAndAnswersTheSchemaRegistryContentType() {
    Response first = http.register("idem-value", Schemas.V1);
    Response again = http.register("idem-value", Schemas.V1.replace("\n", " "));

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.contentType()).startsWith(RegistryHttp.V1);
    assertThat(again.json().path("id").asInt()).isEqualTo(first.json().path("id").asInt());
    assertThat(http.get("/subjects/idem-value/versions").json().toString()).isEqualTo("[1]");
  }

  @Test
  void acceptsEveryConfluentContentTypeAndPlainJson() {
    register("types-value", Schemas.V1);

    assertThat(http.get("/subjects/types-value/versions", null).contentType())
        .startsWith(RegistryHttp.V1);
    assertThat(http.get("/subjects/types-value/versions", "application/json").contentType())
        .startsWith("application/json");
    assertThat(
            http.get("/subjects/types-value/versions", "application/vnd.schemaregistry+json")
                .contentType())
        .startsWith("application/vnd.schemaregistry+json");
    for (String contentType :
        List.of(
            "application/json",
            "application/vnd.schemaregistry+json",
            "application/octet-stream")) {
      Response response =
          http.post(
              "/subjects/types-value/versions", RegistryHttp.schemaBody(Schemas.V1), contentType);
      assertThat(response.status()).as(contentType + " " + response.body()).isEqualTo(200);
      assertThat(response.contentType()).startsWith(RegistryHttp.V1);
    }
    // curl's default form type is not JSON: a clear 4xx, as Confluent refuses it too
    assertError(
        http.post(
            "/subjects/types-value/versions",
            RegistryHttp.schemaBody(Schemas.V1),
            "application/x-www-form-urlencoded"),
        400,
        400);
  }

  @Test
  void theSameSchemaUnderAnotherSubjectKeepsItsId() {
    int id = register("same-a-value", Schemas.record("Shared"));

    assertThat(register("same-b-value", Schemas.record("Shared"))).isEqualTo(id);
    JsonNode pairs = http.get("/schemas/ids/" + id + "/versions").json();
    assertThat(pairs.toString())
        .isEqualTo(
            "[{\"subject\":\"same-a-value\",\"version\":1},{\"subject\":\"same-b-value\",\"version\":1}]");
    assertThat(http.get("/schemas/ids/" + id + "/subjects").json().toString())
        .isEqualTo("[\"same-a-value\",\"same-b-value\"]");
  }

  @Test
  void registrationAcceptsNormalizeSchemaTypeAndEmptyReferences() {
    Response response =
        http.post(
            "/subjects/norm-value/versions?normalize=true",
            "{\"schemaType\":\"AVRO\",\"references\":[],\"schema\":"
                + RegistryHttp.schemaBody(Schemas.record("Norm")).substring(10));

    assertThat(response.status()).as(response.body()).isEqualTo(200);
  }

  @Test
  void lookUpFindsTheSchemaUnderTheSubject() {
    int id = register("lookup-value", Schemas.V1);

    Response found = http.post("/subjects/lookup-value", RegistryHttp.schemaBody(Schemas.V1));
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.json().path("subject").asString()).isEqualTo("lookup-value");
    assertThat(found.json().path("id").asInt()).isEqualTo(id);
    assertThat(found.json().path("version").asInt()).isEqualTo(1);
    assertThat(found.json().path("schema").asString()).contains("\"name\":\"Contribution\"");

    assertError(
        http.post("/subjects/lookup-value", RegistryHttp.schemaBody(Schemas.WITH_OPTIONAL)),
        404,
        40403);
    assertError(
        http.post("/subjects/no-such-subject", RegistryHttp.schemaBody(Schemas.V1)), 404, 40401);
  }

  @Test
  void schemasByIdAnswerTheSchemaTheRawSchemaAndTheTypes() {
    int id = register("byid-value", Schemas.record("ById"));

    assertThat(http.get("/schemas/ids/" + id).json().path("schema").asString())
        .isEqualTo(
            "{\"type\":\"record\",\"name\":\"ById\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}");
    assertThat(http.get("/schemas/ids/" + id + "?subject=byid-value").status()).isEqualTo(200);
    assertThat(http.get("/schemas/ids/" + id + "/schema").body())
        .isEqualTo(
            "{\"type\":\"record\",\"name\":\"ById\",\"fields\":[{\"name\":\"f\",\"type\":\"string\"}]}");
    assertError(http.get("/schemas/ids/999999"), 404, 40403);
    assertError(http.get("/schemas/ids/abc"), 404, 40403);
    assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
  }

  @Test
  void onlyAvroIsSupported() {
    Response response =
        http.post(
            "/subjects/proto-value/versions",
            "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

    assertError(response, 422, 42201);
    assertThat(response.json().path("message").asString()).contains("AVRO only");
  }

  // ------------------------------------------------------------ subjects and versions

  @Test
  void subjectsAreListedByPrefix() {
    register("list-a-value", Schemas.record("ListA"));
    register("list-b-value", Schemas.record("ListB"));

    List<String> subjects = strings(http.get("/subjects?subjectPrefix=list-").json());
    assertThat(subjects).containsExactly("list-a-value", "list-b-value");
    assertThat(strings(http.get("/subjects").json())).contains("list-a-value", "list-b-value");
  }

  @Test
  void versionsAreServedByNumberLatestAndMinusOne() {
    register("ver-value", Schemas.V1);
    int second = register("ver-value", Schemas.WITH_OPTIONAL);

    assertThat(http.get("/subjects/ver-value/versions").json().toString()).isEqualTo("[1,2]");
    JsonNode latest = http.get("/subjects/ver-value/versions/latest").json();
    assertThat(latest.path("version").asInt()).isEqualTo(2);
    assertThat(latest.path("id").asInt()).isEqualTo(second);
    assertThat(latest.path("subject").asString()).isEqualTo("ver-value");
    assertThat(http.get("/subjects/ver-value/versions/-1").json().path("version").asInt())
        .isEqualTo(2);
    assertThat(http.get("/subjects/ver-value/versions/1").json().path("schema").asString())
        .doesNotContain("summary");
    assertThat(http.get("/subjects/ver-value/versions/2/schema").body()).contains("summary");

    assertError(http.get("/subjects/ver-value/versions/3"), 404, 40402);
    assertError(http.get("/subjects/ver-value/versions/0"), 422, 42202);
    assertError(http.get("/subjects/ver-value/versions/first"), 422, 42202);
    assertError(http.get("/subjects/no-such-subject/versions/1"), 404, 40401);
    assertError(http.get("/subjects/no-such-subject/versions"), 404, 40401);
  }

  // ------------------------------------------------------------ deletion

  @Test
  void aVersionIsSoftDeletedBeforeItCanBeDeletedPermanently() {
    http.put("/config/delver-value", "{\"compatibility\":\"NONE\"}");
    int id = register("delver-value", Schemas.record("DelVerOne"));
    register("delver-value", Schemas.record("DelVerTwo"));

    assertError(http.delete("/subjects/delver-value/versions/1?permanent=true"), 404, 40407);
    Response soft = http.delete("/subjects/delver-value/versions/1");
    assertThat(soft.status()).isEqualTo(200);
    assertThat(soft.body()).isEqualTo("1");
    assertError(http.delete("/subjects/delver-value/versions/1"), 404, 40406);

    assertThat(http.get("/subjects/delver-value/versions").json().toString()).isEqualTo("[2]");
    assertThat(http.get("/subjects/delver-value/versions?deleted=true").json().toString())
        .isEqualTo("[1,2]");
    assertError(http.get("/subjects/delver-value/versions/1"), 404, 40402);
    assertThat(http.get("/subjects/delver-value/versions/1?deleted=true").status()).isEqualTo(200);
    assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);

    assertThat(http.delete("/subjects/delver-value/versions/1?permanent=true").body())
        .isEqualTo("1");
    assertThat(http.get("/subjects/delver-value/versions?deleted=true").json().toString())
        .isEqualTo("[2]");
    assertError(http.get("/schemas/ids/" + id), 404, 40403);
    assertError(http.delete("/subjects/delver-value/versions/x"), 422, 42202);
    assertError(http.delete("/subjects/delver-value/versions/9"), 404, 40402);
  }

  @Test
  void aSubjectIsSoftDeletedBeforeItCanBeDeletedPermanently() {
    http.put("/config/delsub-value", "{\"compatibility\":\"NONE\"}");
    int id = register("delsub-value", Schemas.record("DelSubOne"));
    register("delsub-value", Schemas.record("DelSubTwo"));

    assertError(http.delete("/subjects/delsub-value?permanent=true"), 404, 40405);
    assertThat(http.delete("/subjects/delsub-value").json().toString()).isEqualTo("[1,2]");
    assertError(http.delete("/subjects/delsub-value"), 404, 40404);

    assertThat(strings(http.get("/subjects").json())).doesNotContain("delsub-value");
    assertThat(strings(http.get("/subjects?deleted=true").json())).contains("delsub-value");
    assertError(http.get("/subjects/delsub-value/versions"), 404, 40401);
    assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);

    assertThat(http.delete("/subjects/delsub-value?permanent=true").json().toString())
        .isEqualTo("[1,2]");
    assertThat(strings(http.get("/subjects?deleted=true").json())).doesNotContain("delsub-value");
    assertError(http.delete("/subjects/delsub-value"), 404, 40401);
  }

  // ------------------------------------------------------------ config and mode

  @Test
  void subjectConfigFallsBackToGlobalOnlyWhenAsked() {
    assertThat(http.get("/config").json().path("compatibilityLevel").asString())
        .isEqualTo("BACKWARD");
    assertError(http.get("/config/cfg-value"), 404, 40408);
    assertThat(
            http.get("/config/cfg-value?defaultToGlobal=true")
                .json()
                .path("compatibilityLevel")
                .asString())
        .isEqualTo("BACKWARD");

    Response put = http.put("/config/cfg-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
    assertThat(put.status()).isEqualTo(200);
    assertThat(put.json().path("compatibility").asString()).isEqualTo("FULL_TRANSITIVE");
    assertThat(http.get("/config/cfg-value").json().path("compatibilityLevel").asString())
        .isEqualTo("FULL_TRANSITIVE");

    assertError(http.put("/config/cfg-value", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
    assertThat(http.delete("/config/cfg-value").json().path("compatibilityLevel").asString())
        .isEqualTo("FULL_TRANSITIVE");
    assertError(http.get("/config/cfg-value"), 404, 40408);
  }

  @Test
  void theGlobalLevelCanBeChangedAndReset() {
    try {
      assertThat(http.put("/config", "{\"compatibility\":\"forward\"}").json().toString())
          .isEqualTo("{\"compatibility\":\"FORWARD\"}");
      assertThat(http.get("/config").json().path("compatibilityLevel").asString())
          .isEqualTo("FORWARD");
    } finally {
      assertThat(http.delete("/config").json().path("compatibilityLevel").asString())
          .isEqualTo("FORWARD");
    }
    assertThat(http.get("/config").json().path("compatibilityLevel").asString())
        .isEqualTo("BACKWARD");
  }

  @Test
  void readOnlyModeRefusesRegistrations() {
    assertThat(http.get("/mode").json().path("mode").asString()).isEqualTo("READWRITE");
    assertError(http.put("/mode", "{\"mode\":\"SOMETIMES\"}"), 422, 42204);
    try {
      assertThat(http.put("/mode", "{\"mode\":\"READONLY\"}").json().path("mode").asString())
          .isEqualTo("READONLY");
      assertError(http.register("ro-value", Schemas.V1), 422, 42205);
    } finally {
      http.put("/mode", "{\"mode\":\"READWRITE\"}");
    }
    assertThat(http.register("ro-value", Schemas.V1).status()).isEqualTo(200);
    assertError(http.put("/mode", "{\"mode\":\"IMPORT\"}"), 422, 42205);
  }

  // ------------------------------------------------------------ compatibility

  @Test
  void anIncompatibleSchemaIsRefusedWith409NamingTheFieldAndNothingIsWritten() {
    register("evo-value", Schemas.V1);

    Response refused = http.register("evo-value", Schemas.WITH_REQUIRED);

    assertError(refused, 409, 409);
    assertThat(refused.json().path("message").asString())
        .contains("incompatible")
        .contains("'language'");
    assertThat(http.get("/subjects/evo-value/versions").json().toString()).isEqualTo("[1]");
    assertThat(http.register("evo-value", Schemas.WITH_OPTIONAL).status()).isEqualTo(200);
  }

  @Test
  void compatibilityChecksAnswerIsCompatibleAndVerboseMessages() {
    register("chk-value", Schemas.V1);
    register("chk-value", Schemas.WITH_OPTIONAL);

    assertThat(
            http.post(
                    "/compatibility/subjects/chk-value/versions/latest",
                    RegistryHttp.schemaBody(Schemas.WITH_OPTIONAL))
                .json()
                .toString())
        .isEqualTo("{\"is_compatible\":true}");
    JsonNode verbose =
        http.post(
                "/compatibility/subjects/chk-value/versions/1?verbose=true",
                RegistryHttp.schemaBody(Schemas.PAGES_AS_STRING))
            .json();
    assertThat(verbose.path("is_compatible").asBoolean()).isFalse();
    assertThat(verbose.path("messages").get(0).asString())
        .contains("TYPE_MISMATCH")
        .contains("field 'pages'");
    JsonNode all =
        http.post(
                "/compatibility/subjects/chk-value/versions?verbose=true",
                RegistryHttp.schemaBody(Schemas.WITH_REQUIRED))
            .json();
    assertThat(all.path("is_compatible").asBoolean()).isFalse();
    assertThat(all.path("messages").toString()).contains("language");
    assertThat(
            http.post(
                    "/compatibility/subjects/unknown-value/versions/latest",
                    RegistryHttp.schemaBody(Schemas.V1))
                .json()
                .path("is_compatible")
                .asBoolean())
        .isTrue();

    assertError(
        http.post(
            "/compatibility/subjects/chk-value/versions/7", RegistryHttp.schemaBody(Schemas.V1)),
        404,
        40402);
    assertError(
        http.post(
            "/compatibility/subjects/chk-value/versions/zero", RegistryHttp.schemaBody(Schemas.V1)),
        422,
        42202);
    assertError(
        http.post(
            "/compatibility/subjects/chk-value/versions/latest", RegistryHttp.schemaBody("{bad")),
        422,
        42201);
  }

  /**
   * Every level against a realistic evolution of V1, as a client sees it: the compatibility
   * endpoint's answer, and a registration that succeeds or is refused with 409.
   */
  @ParameterizedTest
  @EnumSource(CompatibilityLevel.class)
  void everyLevelJudgesARealisticEvolution(CompatibilityLevel level) {
    String subject = "level-" + level.name().toLowerCase() + "-value";
    register(subject, Schemas.V1);
    http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}");

    Map<String, String> changes =
        Map.of(
            "add optional field", Schemas.WITH_OPTIONAL,
            "add required field", Schemas.WITH_REQUIRED,
            "remove field", Schemas.WITHOUT_PAGES,
            "rename with alias", Schemas.RENAMED_WITH_ALIAS,
            "change type", Schemas.PAGES_AS_STRING);
    List<String> accepted = new ArrayList<>();
    changes.forEach(
        (change, schema) -> {
          JsonNode answer =
              http.post(
                      "/compatibility/subjects/" + subject + "/versions/latest",
                      RegistryHttp.schemaBody(schema))
                  .json();
          if (answer.path("is_compatible").asBoolean()) {
            accepted.add(change);
          }
        });

    List<String> expected = new ArrayList<>(List.of("add optional field"));
    if (!level.backward()) {
      expected.add("add required field");
    }
    if (!level.forward()) {
      expected.add("remove field");
      expected.add("rename with alias");
    }
    if (level == CompatibilityLevel.NONE) {
      expected.add("change type");
    }
    assertThat(accepted).containsExactlyInAnyOrderElementsOf(expected);

    Response required = http.register(subject, Schemas.WITH_REQUIRED);
    assertThat(required.status()).isEqualTo(level.backward() ? 409 : 200);
  }

  // ------------------------------------------------------------ bad input

  @Test
  void badBodiesGetA4xxWithAnErrorBodyAndNeverA500() {
    assertError(http.post("/subjects/bad-value/versions", "this is not json"), 400, 400);
    assertError(http.post("/subjects/bad-value/versions", "[1,2]"), 400, 400);
    assertError(http.post("/subjects/bad-value/versions", "{\"schemaType\":\"AVRO\"}"), 422, 42201);
    assertError(http.post("/subjects/bad-value/versions", ""), 422, 42201);
    assertError(http.post("/subjects/bad-value/versions", "{\"schema\":42}"), 400, 400);
    assertError(
        http.post("/subjects/bad-value/versions", RegistryHttp.schemaBody("{\"type\":\"record\"}")),
        422,
        42201);
    assertError(
        http.post("/subjects/bad-value/versions", RegistryHttp.schemaBody("{")), 422, 42201);
    assertError(http.put("/config", "not json"), 400, 400);
    assertError(http.get("/no/such/path"), 404, 404);
    assertError(http.put("/schemas/types", "{}"), 405, 405);
    assertError(http.get("/subjects?deleted=maybe"), 400, 400);

    assertError(http.get("/subjects/bad-value/versions"), 404, 40401);
  }

  @Test
  void rootAnswersAnEmptyObjectAndTheRegistryIsReady() {
    assertThat(http.get("/").json().toString()).isEqualTo("{}");
    Response readiness = http.get("/actuator/health/readiness", "application/json");
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    assertThat(http.get("/actuator/health/liveness", "application/json").status()).isEqualTo(200);
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(node -> values.add(node.asString()));
    return values;
  }
}
