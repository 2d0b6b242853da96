package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.e2e.HttpJson.Response;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/local-stack --one-jvm --demo} as a person runs it on a laptop: the broker, the inbox
 * and every application start in one JVM, the demo opens the calls, submits the inputs, requests
 * changes, revises and approves through the gateway with real tokens, and the record is published;
 * Ctrl-C (SIGTERM) stops it all.
 */
class OneJvmLocalStackIT {

  /** The ports of bin/local-stack, which --port-offset moves together. */
  private static final List<Integer> PORTS =
      List.of(9092, 9093, 8081, 8082, 8083, 8084, 8085, 9000, 8000, 8080, 8025, 3025, 3143);

  @TempDir Path workDir;

  @Test
  void theWholePlatformRunsInOneJvmAndPublishesTheDemoRecord() throws Exception {
    RepoLayout repo = RepoLayout.locate();
    int offset = freePortOffset();
    Path data = workDir.resolve("data");
    Path output = workDir.resolve("local-stack.out");
    StepClock clock = StepClock.start("one-jvm");
    Process stack =
        new ProcessBuilder(
                repo.root().resolve("bin/local-stack").toString(),
                "--one-jvm",
                "--no-build",
                "--demo",
                "--port-offset",
                String.valueOf(offset),
                "--data-dir",
                data.toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      await("bin/local-stack --one-jvm --demo has seeded the demo")
          .atMost(Duration.ofMinutes(10))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> read(output).contains("demo seed") || !stack.isAlive());
      assertThat(read(output)).as(read(output)).contains("demo seeded");
      clock.step("started and seeded the demo");

      // One JVM: the only process bin/local-stack keeps a pid file for.
      try (Stream<Path> pids = Files.list(data.resolve("run"))) {
        assertThat(pids.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".pid")))
            .containsExactly("one-jvm.pid");
      }
      long pid = Long.parseLong(Files.readString(data.resolve("run/one-jvm.pid")).strip());
      assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

      // The published record, from publication-service and through the gateway.
      for (int port : List.of(8084 + offset, 8000 + offset)) {
        Response record = HttpJson.get("http://localhost:" + port + "/api/v1/records/gdc-2023");
        assertThat(record.status()).as(record.toString()).isEqualTo(200);
        JsonNode json = record.json();
        assertThat(json.path("finalEdition").asBoolean()).as(record.body()).isTrue();
        assertThat(json.path("entries").size()).as(record.body()).isGreaterThan(1);
      }
      // Every other application answers on its own port.
      for (int port : List.of(8081, 8082, 8083, 8085, 9000, 8080)) {
        String url =
            "http://localhost:"
                + (port + offset)
                + (port == 8081 ? "/subjects" : "/actuator/health/readiness");
        assertThat(HttpJson.get(url).status()).as(url).isEqualTo(200);
      }

      clock.step("checked every application");
      stack.destroy(); // SIGTERM, as Ctrl-C
      assertThat(stack.waitFor(3, TimeUnit.MINUTES)).as("bin/local-stack stops").isTrue();
      clock.step("stopped");
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
    } finally {
      stop(stack);
    }
  }

  private static void stop(Process stack) throws InterruptedException {
    if (stack.isAlive()) {
      stack.destroy();
      if (!stack.waitFor(3, TimeUnit.MINUTES)) {
        stack.descendants().forEach(ProcessHandle::destroyForcibly);
        stack.destroyForcibly();
      }
    }
  }

  /** An offset at which every port of the stack is free (not the fixed ports a developer uses). */
  private static int freePortOffset() {
    for (int offset = 21000; offset < 40000; offset += 1000) {
      int candidate = offset;
      if (PORTS.stream().allMatch(port -> free(port + candidate))) {
        return candidate;
      }
    }
    throw new IllegalStateException("no free port offset");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
