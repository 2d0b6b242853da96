package org.ungis.schemas.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.testsupport.RequiredTools;

/**
 * Reads {@code docs/asyncapi/asyncapi.yaml} with the official AsyncAPI parser ({@code
 * docs/asyncapi/validate}), so the document is valid AsyncAPI 3.0 for the tools integrators use,
 * and every referenced {@code .avsc} loads through the official Avro schema parser. Needs {@code
 * node} and {@code npm} (and the npm registry the first time); skipped where they are missing,
 * except in CI ({@code CI=true}), where that is a failure. An {@code *IT} because {@code npm ci} is
 * slow, not because of a broker.
 */
class AsyncApiOfficialParserIT {

  static final Path VALIDATOR = Path.of("..", "docs", "asyncapi", "validate");

  @Test
  void theDocumentIsValidAsyncApiAndEveryAvroSchemaLoads() throws Exception {
    RequiredTools.require("node", "--version");
    RequiredTools.require("npm", "--version");
    installPackagesIfNeeded();

    Result result = run(List.of("node", "validate.mjs", "../asyncapi.yaml"), 120);

    assertThat(result.exitCode()).as("validate.mjs:%n%s", result.output()).isZero();
    assertThat(result.output()).contains("VALID").doesNotContain("PROBLEM");
    for (Topic<?> topic : Topics.ALL) {
      assertThat(result.output().lines())
          .as("the parser read the Avro fields of %s", topic.name())
          .anyMatch(
              line ->
                  line.startsWith("CHANNEL " + topic.name() + " ")
                      && line.contains(" object ")
                      && line.contains("eventId,occurredAt,actor"));
    }
  }

  /** {@code npm ci} once per version of package-lock.json; node_modules is git-ignored. */
  private static void installPackagesIfNeeded() throws Exception {
    String lock = sha256(VALIDATOR.resolve("package-lock.json"));
    Path marker = VALIDATOR.resolve("node_modules/.installed-from-lock");
    if (Files.exists(marker) && Files.readString(marker).strip().equals(lock)) {
      return;
    }
    Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
    assertThat(install.exitCode()).as("npm ci:%n%s", install.output()).isZero();
    Files.writeString(marker, lock);
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, int timeoutSeconds) throws Exception {
    Path log = Files.createTempFile("asyncapi-validate-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(VALIDATOR.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
      }
      return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
