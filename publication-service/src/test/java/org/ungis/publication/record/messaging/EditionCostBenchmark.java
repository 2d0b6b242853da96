package org.ungis.publication.record.messaging;

import static org.ungis.publication.record.messaging.InputEvents.approved;
import static org.ungis.publication.record.messaging.InputEvents.call;
import static org.ungis.publication.record.messaging.InputEvents.content;
import static org.ungis.publication.record.messaging.InputEvents.submitted;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.Stores;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.review.ReviewEvent;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;

/**
 * What publishing one record costs, approval by approval: a call of {@code entries} contributions
 * (bodies of about 2 KB) approved at {@code rate} approvals per second (simulated wall-clock time),
 * through the real publication topology in a {@link TopologyTestDriver} (no broker, so it measures
 * the topology's own work: domain, JSON of the stores, Avro of the messages). The stores are
 * in-memory by default: the driver commits after every record, and a RocksDB store then flushes to
 * disk each time, which the service (commit every 100 ms) never does; {@code rocksdb} as the fourth
 * argument uses RocksDB anyway. Prints the thread CPU time spent on the approvals, the number of
 * manifests and the bytes written to {@code ungis.records.v1}. A tool, not a test: nothing is
 * asserted.
 *
 * <pre>
 * ./mvnw -B -q -pl publication-service test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp publication-service/target/test-classes:publication-service/target/classes:$(cat \
 *     publication-service/target/test.classpath) \
 *     org.ungis.publication.record.messaging.EditionCostBenchmark 1000 300 250
 * </pre>
 *
 * Arguments: entries (1000), approvals per second (300), edition interval in ms (250; 0 = an
 * edition per approval), {@code memory} (default) or {@code rocksdb}.
 */
public final class EditionCostBenchmark {

  private EditionCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    int entries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 300;
    Duration interval =
        args.length > 2
            ? Duration.ofMillis(Long.parseLong(args[2]))
            : PublicationTopology.EDITION_INTERVAL;
    boolean rocksDb = args.length > 3 && args[3].equals("rocksdb");
    // Once to warm the JIT up, then measured.
    run(Math.min(entries, 300), rate, interval, rocksDb, false);
    run(entries, rate, interval, rocksDb, true);
  }

  static void run(int count, double rate, Duration interval, boolean rocksDb, boolean print)
      throws Exception {
    Path stateDir = Files.createTempDirectory("edition-bench");
    EventSerdes serdes =
        EventSerdes.from(Map.of("schema.registry.url", "mock://bench-" + UUID.randomUUID()));
    StreamsBuilder builder = new StreamsBuilder();
    PublicationMetrics metrics = PublicationMetrics.inMemory();
    PublicationTopology.build(
        builder,
        serdes,
        Roster.load(),
        metrics,
        interval,
        rocksDb ? Stores::persistentKeyValueStore : Stores::inMemoryKeyValueStore);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "publication-service");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    Instant t0 = Instant.parse("2023-03-01T09:00:00Z");
    try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), config, t0)) {
      StringSerializer keys = new StringSerializer();
      TestInputTopic<String, ContributionEvent> contributions =
          driver.createInputTopic(
              Topics.CONTRIBUTIONS.name(), keys, serdes.contributions().serializer());
      TestInputTopic<String, ReviewEvent> reviews =
          driver.createInputTopic(Topics.REVIEWS.name(), keys, serdes.reviews().serializer());
      TestOutputTopic<String, byte[]> records =
          driver.createOutputTopic(
              Topics.RECORDS.name(), new StringDeserializer(), new ByteArrayDeserializer());
      String process = "bench-2026";
      driver
          .createInputTopic(Topics.PROCESSES.name(), keys, serdes.processes().serializer())
          .pipeInput(process, call(process, CallStatus.OPEN, t0), t0);
      List<String> agencies = Roster.load().members().stream().map(m -> m.code()).toList();
      java.util.Random random = new java.util.Random(42);
      String[] ids = new String[count];
      for (int i = 0; i < count; i++) {
        ids[i] = UUID.nameUUIDFromBytes(("c" + i).getBytes()).toString();
        Instant at = t0.plusSeconds(i);
        contributions.pipeInput(
            ids[i],
            submitted(
                ids[i],
                process,
                agencies.get(i % agencies.size()),
                content("Input " + i, PublicationTopologyTest.body(random)),
                at),
            at);
      }
      records.readKeyValuesToList();

      var cpu = ManagementFactory.getThreadMXBean();
      Duration step = Duration.ofNanos((long) (1_000_000_000L / rate));
      long cpuStart = cpu.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      for (int i = 0; i < count; i++) {
        Instant at = t0.plusSeconds(10_000 + i);
        reviews.pipeInput(
            ids[i], approved(ids[i], process, agencies.get(i % agencies.size()), 1, at), at);
        driver.advanceWallClockTime(step);
      }
      driver.advanceWallClockTime(Duration.ofSeconds(1));
      long cpuNanos = cpu.getCurrentThreadCpuTime() - cpuStart;
      long wallNanos = System.nanoTime() - wallStart;

      long manifests = 0;
      long manifestBytes = 0;
      long entryBytes = 0;
      for (var message : records.readKeyValuesToList()) {
        int size = message.value == null ? 0 : message.value.length;
        if (message.key.contains("/")) {
          entryBytes += size;
        } else {
          manifests++;
          manifestBytes += size;
        }
      }
      if (print) {
        System.out.printf(
            "entries=%d rate=%.0f/s (simulated) edition-interval=%d ms stores=%s approvals-cpu=%.2f s (%.3f ms per approval)"
                + " wall=%.2f s manifests=%d manifest-bytes=%.1f MB entry-bytes=%.1f MB%n",
            count,
            rate,
            interval.toMillis(),
            rocksDb ? "rocksdb" : "memory",
            cpuNanos / 1e9,
            cpuNanos / 1e6 / count,
            wallNanos / 1e9,
            manifests,
            manifestBytes / 1e6,
            entryBytes / 1e6);
      }
    }
  }
}
