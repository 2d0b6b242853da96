package org.ungis.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI description of a service ({@code docs/openapi/<service>.json} at the
 * repository root), compared with what the running service serves. Both sides are normalized the
 * same way: the {@code servers} entry (it names the random test port) removed, object keys sorted,
 * pretty-printed. With {@code -Dungis.openapi.update=true} the committed file is rewritten instead.
 */
public final class OpenApiSnapshot {

  public static final String UPDATE_PROPERTY = "ungis.openapi.update";

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private OpenApiSnapshot() {}

  /** The normalized text of an OpenAPI JSON document. */
  public static String normalize(String openApiJson) {
    JsonNode document = JSON.readTree(openApiJson);
    if (document instanceof ObjectNode object) {
      object.remove("servers");
    }
    return JSON.writeValueAsString(sorted(document)) + "\n";
  }

  /**
   * Asserts that {@code served} equals the committed document of {@code service}, as served in the
   * integration test {@code itClass} (named in the message that says how to regenerate it).
   */
  public static void assertMatchesCommitted(String service, Class<?> itClass, String served)
      throws IOException {
    Path file =
        Path.of(System.getProperty("user.dir"))
            .resolve("../docs/openapi/" + service + ".json")
            .normalize();
    String actual = normalize(served);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual, StandardCharsets.UTF_8);
      return;
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertThat(actual)
        .as(
            "The OpenAPI description served by %s differs from the committed %s. If the API change"
                + " is intended, regenerate the file with: ./mvnw -B -pl %s verify"
                + " -Dit.test=%s -D%s=true and commit it.",
            service, file, service, itClass.getSimpleName(), UPDATE_PROPERTY)
        .isEqualTo(committed);
  }

  private static JsonNode sorted(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>(object.propertyNames());
      Collections.sort(names);
      ObjectNode copy = JSON.createObjectNode();
      for (String name : names) {
        copy.set(name, sorted(object.get(name)));
      }
      return copy;
    }
    if (node instanceof ArrayNode array) {
      ArrayNode copy = JSON.createArrayNode();
      array.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }
}
