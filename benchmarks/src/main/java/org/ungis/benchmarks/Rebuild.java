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
      Machine machine,
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
    List<String> probes = lastContributionIds(options.bootstrapServers());
    actors = new Actors(options.authUrl());
    reviewer =
        org.ungis.reference.Roster.load()
            .periodAt(java.time.Instant.now())
            .flatMap(p -> p.chairs().stream().sorted().findFirst())
            .orElse("UNCTAD");
    WorkflowBenchmark.say("topics now: %s; views probed with %s", records, probes);

    long pid =
        ProcessSampler.find(service, port)
            .orElseThrow(() -> new IllegalStateException(service + " is not running on " + port));
    double restart = restart(service, port, pid, false, probes);
    WorkflowBenchmark.say("%s restarted with its state kept: ready in %.1f s", service, restart);
    pid = ProcessSampler.find(service, port).orElseThrow();
    double rebuild = restart(service, port, pid, true, probes);
    WorkflowBenchmark.say("%s restarted with its state deleted: ready in %.1f s", service, rebuild);
    long newPid = ProcessSampler.find(service, port).orElse(-1L);

    double perEvent = contributions == 0 ? 0 : Math.max(0, rebuild - restart) / contributions;
    double extrapolated = restart + perEvent * 1_000_000;
    Measurement m =
        new Measurement(
            service,
            Machine.current(),
            records,
            contributions,
            round(restart),
            round(rebuild),
            round(rebuild - restart),
            round(extrapolated),
            contributions >= 1_000_000
                ? "none needed: measured with "
                    + contributions
                    + " contribution events; the figure above is restart + (rebuild - restart)"
                    + " scaled to exactly 1,000,000"
                : "linear: restart time + (rebuild - restart) / contribution events x 1,000,000;"
                    + " an estimate, not a measurement (the stores' size and RocksDB compaction"
                    + " need not grow linearly)",
            newPid);
    WorkflowBenchmark.say(
        "rebuild of %s from %,d contribution events: %.1f s (plain restart %.1f s)%s",
        service,
        contributions,
        rebuild,
        restart,
        contributions >= 1_000_000
            ? " (measured, not extrapolated)"
            : String.format("; extrapolated to 1,000,000: about %.0f s", extrapolated));
    WorkflowBenchmark.say(
        "%s now runs as pid %d outside bin/local-stack: stop it with kill %d",
        service, newPid, newPid);
    Files.createDirectories(options.resultsDir());
    String stamp =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(java.time.ZoneOffset.UTC)
            .format(java.time.Instant.now());
    Path file = options.resultsDir().resolve("rebuild-" + service + "-" + stamp + ".json");
    WorkflowBenchmark.writeJson(file, m);
    WorkflowBenchmark.say("written %s", file);
    return 0;
  }

  /**
   * Stops the process, optionally deletes its state directory, starts it again; seconds to ready.
   */
  private static double restart(
      String service, int port, long pid, boolean deleteState, List<String> probes)
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
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && viewsAnswer(http, service, port, probes)) {
          return (System.nanoTime() - start) / 1e9;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(service + " not ready after 15 minutes; see " + log);
  }

  /**
   * Whether the service's view answers 200 for the last contribution of each partition (the newest
   * events must be restored too); publication-service is checked by readiness only.
   */
  private static Actors actors;

  private static String reviewer;

  private static boolean viewsAnswer(HttpClient http, String service, int port, List<String> ids)
      throws IOException, InterruptedException {
    String path =
        switch (service) {
          case "contributions-service" -> "/api/v1/contributions/";
          case "review-service" -> "/api/v1/reviews/";
          default -> null;
        };
    if (path == null) {
      return true;
    }
    for (String id : ids) {
      HttpRequest get =
          actors
              .asReviewer(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + path + id)),
                  reviewer)
              .timeout(Duration.ofSeconds(5))
              .build();
      int status = http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
      // 200, or 403 for a contribution of another agency: either way the view holds it.
      if (status != 200 && status != 403) {
        return false;
      }
    }
    return true;
  }

  /** The key of the last record of each partition of the contributions topic. */
  private static List<String> lastContributionIds(String bootstrap) {
    List<String> ids = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            readCommitted(bootstrap),
            new org.apache.kafka.common.serialization.StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(Topics.CONTRIBUTIONS.name()).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      for (TopicPartition tp : partitions) {
        long offset = end.get(tp);
        if (offset == 0) {
          continue;
        }
        consumer.seek(tp, Math.max(0, offset - 5));
      }
      Map<TopicPartition, String> last = new LinkedHashMap<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (last.size() < partitions.size() && System.nanoTime() < deadline) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
          if (record.key() != null) {
            last.put(new TopicPartition(record.topic(), record.partition()), record.key());
          }
        }
        partitions.stream()
            .filter(tp -> end.get(tp) == 0)
            .forEach(tp -> last.putIfAbsent(tp, null));
      }
      last.values().stream().filter(java.util.Objects::nonNull).forEach(ids::add);
    }
    return ids;
  }

  private static Map<String, Object> readCommitted(String bootstrap) {
    Map<String, Object> config = KafkaLogin.client(bootstrap);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return config;
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
            KafkaLogin.client(bootstrap),
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
