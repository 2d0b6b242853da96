package org.ungis.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaParseException;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Keeps {@code docs/asyncapi/asyncapi.yaml} true to the topic catalogue and the Avro contract: a
 * new topic, a changed partition count or cleanup policy, or a moved {@code .avsc} fails this test
 * until the document says the same.
 */
class AsyncApiDocumentTest {

  /** Tests run in the module's directory; the document lives at the root of the build. */
  static final Path DOCUMENT = Path.of("..", "docs", "asyncapi", "asyncapi.yaml");

  static final Path AVRO_SOURCES = Path.of("src", "main", "avro");

  static final String AVRO_FORMAT = "application/vnd.apache.avro+json;version=1.9.0";

  /** Who reads which topic, as the services are built (DESIGN.md and the workflow brief). */
  static final Map<Topic<?>, Set<String>> READERS =
      Map.of(
          Topics.CONTRIBUTIONS,
          Set.of("review-service", "publication-service", "notification-service"),
          Topics.PROCESSES,
          Set.of("contributions-service", "publication-service", "notification-service"),
          Topics.REVIEWS,
          Set.of("contributions-service", "publication-service", "notification-service"),
          Topics.RECORDS,
          Set.of("downstream", "notification-service"),
          Topics.NOTIFICATIONS,
          Set.of("notification-service"),
          Topics.WEBHOOKS,
          Set.of("notification-service"));

  static JsonNode document;

  @BeforeAll
  static void read() throws IOException {
    document = YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
  }

  @Test
  void isAnAsyncApi3DocumentWithAConfluentRegistry() {
    assertThat(document.path("asyncapi").asString()).startsWith("3.0.");
    JsonNode kafka = document.path("servers").path("local").path("bindings").path("kafka");
    assertThat(kafka.path("schemaRegistryVendor").asString()).isEqualTo("confluent");
    assertThat(kafka.path("schemaRegistryUrl").asString()).isEqualTo("http://localhost:8081");
  }

  @Test
  void everyCatalogueTopicHasAChannelWithItsOwnerAndSettings() {
    for (Topic<?> topic : Topics.ALL) {
      JsonNode channel = channelAt(topic.name());
      JsonNode kafka = channel.path("bindings").path("kafka");
      JsonNode config = kafka.path("topicConfiguration");

      assertThat(channel.path("x-owner").asString()).as(topic.name()).isEqualTo(topic.owner());
      assertThat(kafka.path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
      assertThat(strings(config.path("cleanup.policy")))
          .as(topic.name() + " cleanup.policy")
          .containsExactly(topic.compacted() ? "compact" : "delete");
      if (!topic.compacted()) {
        long retention = topic.retention() == null ? -1 : topic.retention().toMillis();
        assertThat(config.path("retention.ms").asLong(0))
            .as(topic.name() + " retention.ms")
            .isEqualTo(retention);
      }
      assertThat(channel.path("x-compatibility").asString())
          .as(topic.name() + " compatibility (DESIGN.md)")
          .isEqualTo(topic.compatibility());
    }
  }

  @Test
  void everyCatalogueTopicHasADeadLetterChannel() {
    for (Topic<?> topic : Topics.ALL) {
      JsonNode channel = channelAt(topic.deadLetterTopic());
      assertThat(channel.path("x-dead-letters-of").asString()).isEqualTo(topic.name());
      assertThat(
              strings(
                  channel
                      .path("bindings")
                      .path("kafka")
                      .path("topicConfiguration")
                      .path("cleanup.policy")))
          .as(topic.deadLetterTopic() + " is never compacted")
          .containsExactly("delete");
    }
  }

  @Test
  void describesNothingButTheCatalogueAndItsDeadLetters() {
    List<String> known = new ArrayList<>();
    Topics.ALL.forEach(t -> known.addAll(List.of(t.name(), t.deadLetterTopic())));
    List<String> addresses = channels().map(e -> e.getValue().path("address").asString()).toList();
    assertThat(addresses).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(known);
  }

  @Test
  void theValueSchemaOfEveryTopicIsItsAvroContract() throws IOException {
    for (Topic<?> topic : Topics.ALL) {
      Schema expected = SpecificData.get().getSchema(topic.valueType());
      List<Schema> documented = new ArrayList<>();
      for (JsonNode message : messagesOf(channelAt(topic.name()))) {
        JsonNode payload = message.path("payload");
        if (AVRO_FORMAT.equals(payload.path("schemaFormat").asString())) {
          documented.add(avroSchemaOf(payload.path("schema")));
        }
      }
      assertThat(documented).as(topic.name() + ": Avro payloads").hasSize(1);
      Schema schema = documented.get(0);
      assertThat(schema.getFullName()).as(topic.name()).isEqualTo(expected.getFullName());
      assertThat(SchemaNormalization.parsingFingerprint64(schema))
          .as(topic.name() + ": the documented schema is the generated class's")
          .isEqualTo(SchemaNormalization.parsingFingerprint64(expected));
    }
  }

  @Test
  void everyMessageOfACatalogueTopicHasAStringKey() {
    for (Topic<?> topic : Topics.ALL) {
      for (JsonNode message : messagesOf(channelAt(topic.name()))) {
        JsonNode key = message.path("bindings").path("kafka").path("key");
        assertThat(key.path("type").asString()).as(topic.name() + " key").isEqualTo("string");
        assertThat(key.path("description").asString()).as(topic.name() + " key").isNotBlank();
      }
    }
  }

  @Test
  void theOwnerIsTheOnlyWriterAndTheReadersAreListed() {
    for (Topic<?> topic : Topics.ALL) {
      String channelRef = "#/channels/" + channelKeyOf(topic.name());
      List<JsonNode> operations =
          operations()
              .filter(op -> op.path("channel").path("$ref").asString().equals(channelRef))
              .toList();
      assertThat(
              operations.stream()
                  .filter(op -> op.path("action").asString().equals("send"))
                  .map(op -> op.path("x-service").asString()))
          .as(topic.name() + " writers")
          .containsExactly(topic.owner());
      assertThat(
              operations.stream()
                  .filter(op -> op.path("action").asString().equals("receive"))
                  .map(op -> op.path("x-service").asString()))
          .as(topic.name() + " readers")
          .containsExactlyInAnyOrderElementsOf(READERS.get(topic));
    }
  }

  @Test
  void everyReferenceInsideTheDocumentResolves() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);
    assertThat(refs).isNotEmpty();
    for (String ref : refs) {
      if (ref.startsWith("#/")) {
        assertThat(resolve(ref).isMissingNode()).as(ref).isFalse();
      } else {
        assertThat(DOCUMENT.resolveSibling(ref)).as(ref).isRegularFile();
      }
    }
  }

  // ---- reading the document ----

  static Stream<Map.Entry<String, JsonNode>> channels() {
    return document.path("channels").properties().stream();
  }

  static Stream<JsonNode> operations() {
    return document.path("operations").properties().stream().map(Map.Entry::getValue);
  }

  static JsonNode channelAt(String address) {
    return channels()
        .filter(e -> e.getValue().path("address").asString().equals(address))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no channel with address " + address));
  }

  static String channelKeyOf(String address) {
    return channels()
        .filter(e -> e.getValue().path("address").asString().equals(address))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no channel with address " + address));
  }

  static List<JsonNode> messagesOf(JsonNode channel) {
    List<JsonNode> messages = new ArrayList<>();
    channel.path("messages").properties().forEach(e -> messages.add(deref(e.getValue())));
    assertThat(messages).as("messages of " + channel.path("address").asString()).isNotEmpty();
    return messages;
  }

  static JsonNode deref(JsonNode node) {
    return node.has("$ref") ? resolve(node.path("$ref").asString()) : node;
  }

  /** Resolves a local JSON pointer reference such as {@code #/components/messages/x}. */
  static JsonNode resolve(String ref) {
    return deref(document.at(ref.substring(1)));
  }

  static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              e -> {
                if (e.getKey().equals("$ref")) {
                  refs.add(e.getValue().asString());
                } else {
                  collectRefs(e.getValue(), refs);
                }
              });
    } else if (node.isArray()) {
      node.forEach(n -> collectRefs(n, refs));
    }
  }

  static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(n -> values.add(n.asString()));
    return values;
  }

  /** The Avro schema of a payload: an .avsc file referenced by path, or embedded. */
  static Schema avroSchemaOf(JsonNode schema) throws IOException {
    Schema.Parser parser = commonTypes();
    if (schema.has("$ref")) {
      Path file = DOCUMENT.resolveSibling(schema.path("$ref").asString()).normalize();
      assertThat(file).as("referenced schema file").isRegularFile();
      assertThat(file.toAbsolutePath().normalize())
          .as("schemas come from the contract, not a copy")
          .startsWith(AVRO_SOURCES.toAbsolutePath().normalize());
      return parser.parse(file.toFile());
    }
    return parser.parse(schema.toString());
  }

  /**
   * A parser that knows the shared named types of {@code org/ungis/events/common}, which the event
   * schemas reference by name (as the avro-maven-plugin's imports do).
   */
  static Schema.Parser commonTypes() throws IOException {
    Schema.Parser parser = new Schema.Parser();
    Map<Path, String> pending = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(AVRO_SOURCES.resolve("org/ungis/events/common"))) {
      for (Path file : files.sorted().toList()) {
        pending.put(file, Files.readString(file));
      }
    }
    // A common type may use another one: parse in rounds until every file parsed.
    while (!pending.isEmpty()) {
      Set<Path> parsed = new HashSet<>();
      for (Map.Entry<Path, String> file : pending.entrySet()) {
        try {
          parser.parse(file.getValue());
          parsed.add(file.getKey());
        } catch (SchemaParseException | AvroTypeException undefinedNameYet) {
          // try again in the next round
        }
      }
      if (parsed.isEmpty()) {
        throw new AssertionError("cannot parse the common Avro types " + pending.keySet());
      }
      parsed.forEach(pending::remove);
    }
    return parser;
  }
}
