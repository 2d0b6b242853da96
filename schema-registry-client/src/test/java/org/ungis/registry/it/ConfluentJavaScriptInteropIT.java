package org.ungis.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.Greetings;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.registry.testing.Greeting;
import org.ungis.registry.testing.Tone;
import org.ungis.testsupport.RequiredTools;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Interoperability with an official non-Java Confluent client: {@code @confluentinc/schemaregistry}
 * (Confluent's JavaScript Schema Registry client and Avro serde) with {@code kafkajs}, run by the
 * machine's Node.js against our real registry and a real broker. Skipped when {@code node} or
 * {@code npm} is not on the PATH, except in CI ({@code CI=true}), where that is a failure.
 */
@ExtendWith(KafkaAndRegistry.class)
class ConfluentJavaScriptInteropIT {

  private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path NODE_PROJECT = MODULE.resolve("src/test/node");
  private static final Path SCHEMA =
      MODULE.resolve("src/test/avro/org/ungis/registry/testing/Greeting.avsc");
  private static final String JAVA_TO_JS = "it.interop.java-to-js.v1";
  private static final String JS_TO_JAVA = "it.interop.js-to-java.v1";

  @BeforeAll
  static void nodeAndPackages() throws Exception {
    RequiredTools.require("node", "--version");
    RequiredTools.require("npm", "--version");
    installPackagesIfNeeded();
  }

  @Test
  void confluentsJavaScriptClientAndOurSerdesReadEachOthersRecords() throws Exception {
    Greeting ours = Greetings.greeting(11);
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    try (KafkaProducer<String, Object> producer =
        KafkaAndRegistry.producer(serializer, KafkaAndRegistry.serdeConfig())) {
      producer.send(new ProducerRecord<>(JAVA_TO_JS, "from-java", ours)).get();
    }

    JsonNode result =
        runNode(
            KafkaAndRegistry.bootstrapServers(),
            KafkaAndRegistry.registryUrl(),
            JAVA_TO_JS,
            JS_TO_JAVA,
            SCHEMA.toString(),
            EmbeddedSchemaRegistry.SERVICES_USER_INFO);

    // Confluent's AvroDeserializer decoded what our serializer wrote.
    JsonNode read = result.get("read");
    assertThat(read.get("key").asString()).isEqualTo("from-java");
    JsonNode value = read.get("value");
    assertThat(value.get("id").asString()).isEqualTo(ours.getId().toString());
    assertThat(value.get("sentAt").asLong()).isEqualTo(ours.getSentAt().toEpochMilli());
    assertThat(value.get("sender").asString()).isEqualTo(ours.getSender());
    assertThat(value.get("text").asString()).isEqualTo(ours.getText());
    assertThat(value.get("tone").asString()).isEqualTo(ours.getTone().name());
    assertThat(value.get("tags").values().stream().map(JsonNode::asString).toList())
        .isEqualTo(ours.getTags());
    assertThat(value.get("note").asString()).isEqualTo(ours.getNote());

    // Our deserializer decodes what Confluent's AvroSerializer wrote and registered.
    JsonNode written = result.get("written");
    assertThat(written.get("magicByte").asInt()).isZero();
    assertThat(written.get("writtenSchemaId").asInt()).isEqualTo(written.get("schemaId").asInt());
    try (KafkaConsumer<String, Object> consumer =
        KafkaAndRegistry.consumer(
            new KafkaAvroDeserializer(),
            KafkaAndRegistry.serdeConfig(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true))) {
      var record = KafkaAndRegistry.consume(consumer, JS_TO_JAVA, 1).get(0);
      assertThat(record.key()).isEqualTo("from-js");
      assertThat(record.value())
          .isEqualTo(
              Greeting.newBuilder()
                  .setId(UUID.fromString("6f1c2c56-9f5e-4b1e-8a51-8f7d1e3a2b10"))
                  .setSentAt(Instant.ofEpochMilli(1701158400123L))
                  .setSender("UNECA")
                  .setText("Written by @confluentinc/schemaregistry — ሰላም")
                  .setTone(Tone.WARM)
                  .setTags(List.of("js", "interop"))
                  .setNote("from Node.js")
                  .build());
    }
  }

  private static JsonNode runNode(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("node", "interop.js"));
    command.addAll(List.of(args));
    ProcessResult run = run(command, 120);
    assertThat(run.exitCode()).as("node interop.js failed:%n%s", run.output()).isZero();
    String line =
        run.output()
            .lines()
            .filter(l -> l.startsWith("RESULT "))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no RESULT line from node:\n" + run.output()));
    return JsonMapper.builder().build().readTree(line.substring("RESULT ".length()));
  }

  /** {@code npm ci} once per package-lock.json version; node_modules is git-ignored. */
  private static void installPackagesIfNeeded() throws Exception {
    String lockHash = sha256(NODE_PROJECT.resolve("package-lock.json"));
    Path marker = NODE_PROJECT.resolve("node_modules/.installed-from-lock");
    if (Files.exists(marker) && Files.readString(marker).strip().equals(lockHash)) {
      return;
    }
    ProcessResult install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
    assertThat(install.exitCode()).as("npm ci failed:%n%s", install.output()).isZero();
    Files.writeString(marker, lockHash);
  }

  private record ProcessResult(int exitCode, String output) {}

  private static ProcessResult run(List<String> command, int timeoutSeconds) throws Exception {
    Path log = Files.createTempFile("interop-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(NODE_PROJECT.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new ProcessResult(
            -1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
      }
      return new ProcessResult(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
