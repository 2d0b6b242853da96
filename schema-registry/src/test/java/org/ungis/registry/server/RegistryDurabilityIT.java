package org.ungis.registry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.ungis.registry.server.RegistryHttp.Response;

/** The topic is the only store: a restart loses nothing and two instances agree on every id. */
class RegistryDurabilityIT {

  private static EmbeddedSchemaRegistry registryOn(String topic) {
    return EmbeddedSchemaRegistry.start(
        TestBroker.bootstrapServers(), Map.of("schema-registry.topic", topic));
  }

  @Test
  void aRestartedRegistryServesEverythingItHadAndContinuesTheIds() {
    Map<String, String> before = new HashMap<>();
    List<String> paths =
        List.of(
            "/subjects?deleted=true",
            "/subjects/restart-value/versions?deleted=true",
            "/subjects/restart-value/versions",
            "/subjects/restart-value/versions/1?deleted=true",
            "/subjects/restart-value/versions/latest",
            "/schemas/ids/1",
            "/schemas/ids/2",
            "/schemas/ids/3",
            "/config",
            "/config/restart-value",
            "/mode");
    int lastId;
    try (EmbeddedSchemaRegistry first = registryOn("_schemas_restart")) {
      RegistryHttp http = new RegistryHttp(first.url());
      http.register("restart-value", Schemas.V1);
      http.register("restart-value", Schemas.WITH_OPTIONAL);
      lastId = http.register("other-value", Schemas.record("Other")).json().path("id").asInt();
      http.put("/config/restart-value", "{\"compatibility\":\"FULL\"}");
      http.put("/config", "{\"compatibility\":\"FORWARD\"}");
      http.delete("/subjects/restart-value/versions/1");
      http.delete("/subjects/other-value");
      http.delete("/subjects/other-value?permanent=true");
      for (String path : paths) {
        before.put(path, http.get(path).body());
      }
    }
    assertThat(before.get("/subjects/restart-value/versions")).isEqualTo("[2]");
    assertThat(before.get("/schemas/ids/3")).contains("40403");

    try (EmbeddedSchemaRegistry second = registryOn("_schemas_restart")) {
      RegistryHttp http = new RegistryHttp(second.url());
      for (String path : paths) {
        assertThat(http.get(path).body()).as(path).isEqualTo(before.get(path));
      }
      int next =
          http.register("restart-value", Schemas.WITH_TWO_OPTIONAL).json().path("id").asInt();
      assertThat(next).isEqualTo(lastId + 1);
      assertThat(http.get("/subjects/restart-value/versions").body()).isEqualTo("[2,3]");
      assertThat(
              http.get("/actuator/health/readiness", "application/json")
                  .json()
                  .path("status")
                  .asString())
          .isEqualTo("UP");
    }
  }

  @Test
  void twoInstancesRegisteringAtOnceGiveEverySchemaOneIdAndEveryIdOneSchema() throws Exception {
    try (EmbeddedSchemaRegistry a = registryOn("_schemas_pair");
        EmbeddedSchemaRegistry b = registryOn("_schemas_pair")) {
      RegistryHttp httpA = new RegistryHttp(a.url());
      RegistryHttp httpB = new RegistryHttp(b.url());
      httpA.put("/config", "{\"compatibility\":\"NONE\"}");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> httpB.get("/config").body().contains("NONE"));

      // each instance registers its own schemas into one shared subject (version races), and the
      // same schemas into per-instance subjects (id races for one schema)
      List<Registration> done = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      int perInstance = 8;
      for (RegistryHttp http : List.of(httpA, httpB)) {
        String side = http == httpA ? "a" : "b";
        for (int thread = 0; thread < 2; thread++) {
          int offset = thread * perInstance / 2;
          futures.add(
              pool.submit(
                  () -> {
                    go.await();
                    for (int i = offset; i < offset + perInstance / 2; i++) {
                      String own = Schemas.record("Own_" + side + "_" + i);
                      String common = Schemas.record("Common_" + i);
                      done.add(register(http, "shared-value", own));
                      done.add(register(http, "shared-value", common));
                      done.add(register(http, "common-" + side + "-value", common));
                    }
                    return null;
                  }));
        }
      }
      go.countDown();
      for (Future<?> future : futures) {
        future.get(120, TimeUnit.SECONDS);
      }
      pool.shutdown();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  httpA
                      .get("/subjects/shared-value/versions")
                      .body()
                      .equals(httpB.get("/subjects/shared-value/versions").body()));

      Map<String, Set<Integer>> idsBySchema = new HashMap<>();
      Map<Integer, Set<String>> schemasById = new HashMap<>();
      for (Registration registration : done) {
        assertThat(registration.status()).as(registration.toString()).isEqualTo(200);
        idsBySchema
            .computeIfAbsent(registration.canonical(), s -> new HashSet<>())
            .add(registration.id());
        schemasById
            .computeIfAbsent(registration.id(), id -> new HashSet<>())
            .add(registration.canonical());
        for (RegistryHttp http : List.of(httpA, httpB)) {
          assertThat(http.get("/schemas/ids/" + registration.id()).json().path("schema").asString())
              .isEqualTo(registration.canonical());
        }
      }
      assertThat(idsBySchema.values()).allMatch(ids -> ids.size() == 1);
      assertThat(schemasById.values()).allMatch(schemas -> schemas.size() == 1);
      // 8 own schemas per instance + 8 common ones, each exactly once in the shared subject
      int distinctInShared = 2 * perInstance + perInstance;
      List<Integer> expectedVersions = new ArrayList<>();
      for (int v = 1; v <= distinctInShared; v++) {
        expectedVersions.add(v);
      }
      assertThat(httpA.get("/subjects/shared-value/versions").body())
          .isEqualTo(expectedVersions.toString().replace(" ", ""));
      for (int v = 1; v <= distinctInShared; v++) {
        assertThat(httpB.get("/subjects/shared-value/versions/" + v).body())
            .isEqualTo(httpA.get("/subjects/shared-value/versions/" + v).body());
      }
    }
  }

  private record Registration(String subject, String canonical, int status, int id) {}

  private static Registration register(RegistryHttp http, String subject, String schema) {
    Response response = http.register(subject, schema);
    int id = response.status() == 200 ? response.json().path("id").asInt() : -1;
    return new Registration(
        subject, new Schema.Parser().parse(schema).toString(), response.status(), id);
  }
}
