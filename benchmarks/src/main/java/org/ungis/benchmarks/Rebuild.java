package org.ungis.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --rebuild SERVICE}: how long a service of the running stack takes to rebuild its views
 * from Kafka. It finds the service's process (exec jar and port), stops it (SIGTERM) and starts the
 * same command line again twice: first with its state directory kept (the cost of a plain restart),
 * then with the state directory deleted (a full rebuild from the changelogs and input topics); each
 * is timed from the start of the JVM to a readiness of 200 (Kafka Streams RUNNING, which it only
 * reaches once every store is restored). The restarted process runs on outside bin/local-stack: its
 * pid is printed.
 */
final class Rebuild {

  private static final Map<String, Integer> PORTS =
      Map.of("contributions-service", 8082, "review-service", 8083, "publication-service", 8084);

  record Measurement(
      String service,
      Map<String, Long> topicRecords,
      long contributions,
      double restartSeconds,
      double rebuildSeconds,
      double rebuildMinusRestartSeconds,
      double extrapolatedSecondsFor1M,
      String extrapolation,
      long pid) {}

  private Rebuild() {}

  static int run(Options options) throws Exception {
    String service = options.rebuildService();
    Integer port = PORTS.get(service);
    if (port == null) {
      System.err.println("--rebuild needs one of " + PORTS.keySet());
      return 2;
    }
    Map<String, Long> records = new LinkedHashMap<>();
    for (Topic<?> topic : Topics.ALL) {
      records.put(topic.name(), count(options.bootstrapServers(), topic.name()));
    }
    long contributions = records.get(Topics.CONTRIBUTIONS.name());
    WorkflowBenchmark.say("topics now: %s", records);

    long pid =
        ProcessSampler.find(service, port)
            .orElseThrow(() -> new IllegalStateException(service + " is not running on " + port));
    double restart = restart(service, port, pid, false);
    WorkflowBenchmark.say("%s restarted with its state kept: ready in %.1f s", service, restart);
    pid = ProcessSampler.find(service, port).orElseThrow();
    double rebuild = restart(service, port, pid, true);
    WorkflowBenchmark.say("%s restarted with its state deleted: ready in %.1f s", service, rebuild);
    long newPid = ProcessSampler.find(service, port).orElse(-1L);

    double perEvent = contributions == 0 ? 0 : Math.max(0, rebuild - restart) / contributions;
    double extrapolated = restart + perEvent * 1_000_000;
    Measurement m =
        new Measurement(
            service,
            records,
            contributions,
            round(restart),
            round(rebuild),
            round(rebuild - restart),
            round(extrapolated),
            "linear: restart time + (rebuild - restart) / contribution events x 1,000,000;"
                + " an estimate, not a measurement (the stores' size and RocksDB compaction need"
                + " not grow linearly)",
            newPid);
    WorkflowBenchmark.say(
        "rebuild of %s from %d contribution events: %.1f s (plain restart %.1f s);"
            + " extrapolated to 1,000,000: about %.0f s",
        service, contributions, rebuild, restart, extrapolated);
    WorkflowBenchmark.say(
        "%s now runs as pid %d outside bin/local-stack: stop it with kill %d",
        service, newPid, newPid);
    Files.createDirectories(options.resultsDir());
    String stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now());
    Path file = options.resultsDir().resolve("rebuild-" + service + "-" + stamp + ".json");
    Files.writeString(
        file,
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(m));
    WorkflowBenchmark.say("written %s", file);
    return 0;
  }

  /**
   * Stops the process, optionally deletes its state directory, starts it again; seconds to ready.
   */
  private static double restart(String service, int port, long pid, boolean deleteState)
      throws Exception {
    ProcessHandle handle = ProcessHandle.of(pid).orElseThrow();
    List<String> command = new ArrayList<>();
    byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
    for (String part : new String(raw, StandardCharsets.UTF_8).split("\0")) {
      if (!part.isEmpty()) {
        command.add(part);
      }
    }
    Path cwd = Path.of("/proc", Long.toString(pid), "cwd").toRealPath();
    Path stateDir =
        command.stream()
            .filter(a -> a.startsWith("--spring.kafka.streams.state-dir="))
            .map(a -> Path.of(a.substring(a.indexOf('=') + 1)))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no state-dir argument: " + command));
    handle.destroy();
    handle.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
    if (deleteState) {
      delete(stateDir);
    }
    Path log = stateDir.resolveSibling(service + "-rebuild.log");
    long start = System.nanoTime();
    new ProcessBuilder(command)
        .directory(cwd.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = start + Duration.ofMinutes(15).toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(service + " not ready after 15 minutes; see " + log);
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static long count(String bootstrap, String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
      return consumer.endOffsets(partitions).entrySet().stream()
          .mapToLong(e -> e.getValue() - begin.get(e.getKey()))
          .sum();
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
