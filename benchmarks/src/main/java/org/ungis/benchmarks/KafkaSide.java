package org.ungis.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.ungis.schemas.Topics;

/**
 * What the benchmark does on the broker directly: topics of the baselines, record sizes, offsets.
 */
final class KafkaSide implements AutoCloseable {

  /** The result line of Kafka's ProducerPerformance. */
  record ProducerPerf(
      long records,
      int recordSize,
      double recordsPerSecond,
      double mbPerSecond,
      double avgMs,
      double maxMs,
      double p50,
      double p95,
      double p99,
      double p999) {}

  private static final Pattern RESULT =
      Pattern.compile(
          "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg"
              + " latency, ([\\d.]+) ms max latency, ([\\d.]+) ms 50th, ([\\d.]+) ms 95th,"
              + " ([\\d.]+) ms 99th, ([\\d.]+) ms 99.9th");

  private final String bootstrapServers;
  private final Admin admin;
  private final List<String> created = new ArrayList<>();

  KafkaSide(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    this.admin = Admin.create(KafkaLogin.client(bootstrapServers));
  }

  /** A throw-away topic with the partitions of the contributions topic (deleted on close). */
  String createTopic(String name) throws Exception {
    admin
        .createTopics(List.of(new NewTopic(name, Topics.CONTRIBUTIONS.partitions(), (short) 1)))
        .all()
        .get(30, TimeUnit.SECONDS);
    created.add(name);
    return name;
  }

  /** The end offsets of the contributions topic now. */
  Map<TopicPartition, Long> contributionsEnd() {
    try (KafkaConsumer<byte[], byte[]> consumer = byteConsumer()) {
      List<TopicPartition> partitions = partitions(consumer);
      return consumer.endOffsets(partitions);
    }
  }

  /**
   * The average serialized value size (bytes) of up to {@code max} contribution events written
   * after {@code from}.
   */
  double averageContributionSize(Map<TopicPartition, Long> from, int max) {
    try (KafkaConsumer<byte[], byte[]> consumer = byteConsumer()) {
      consumer.assign(from.keySet());
      from.forEach(consumer::seek);
      long bytes = 0;
      int count = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (count < max && System.nanoTime() < deadline) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() != null && count < max) {
            bytes += record.serializedValueSize();
            count++;
          }
        }
      }
      return count == 0 ? 0 : (double) bytes / count;
    }
  }

  private KafkaConsumer<byte[], byte[]> byteConsumer() {
    Map<String, Object> config = KafkaLogin.client(bootstrapServers);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /**
   * The bootstrap servers and the sign-in as a producer configuration file for ProducerPerformance
   * ({@code --producer-props} cannot hold a JAAS line: it splits each setting at every {@code =}).
   */
  private Path signInFile() throws IOException {
    Properties properties = new Properties();
    KafkaLogin.client(bootstrapServers).forEach((key, value) -> properties.put(key, value));
    Path file = Files.createTempFile("producer-performance", ".properties");
    file.toFile().deleteOnExit();
    try (OutputStream out = Files.newOutputStream(file)) {
      properties.store(out, "ProducerPerformance's sign-in");
    }
    return file;
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer) {
    return consumer.partitionsFor(Topics.CONTRIBUTIONS.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition()))
        .toList();
  }

  /**
   * Runs Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} in a child JVM (so its
   * producer does not share this JVM's heap and threads): {@code acks=all}, as fast as it can.
   */
  Optional<ProducerPerf> producerPerformance(String topic, long records, int recordSize)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(
        ProcessHandle.current()
            .info()
            .command()
            .orElse(System.getProperty("java.home") + "/bin/java"));
    command.add("-Xmx256m");
    command.add("-XX:+UseSerialGC");
    String classpath = System.getProperty("java.class.path");
    if (classpath.endsWith("-exec.jar") && !classpath.contains(File.pathSeparator)) {
      command.add("-Dloader.main=org.apache.kafka.tools.ProducerPerformance");
      command.add("-jar");
      command.add(classpath);
    } else {
      command.add("-cp");
      command.add(classpath);
      command.add("org.apache.kafka.tools.ProducerPerformance");
    }
    command.addAll(
        List.of(
            "--topic",
            topic,
            "--num-records",
            Long.toString(records),
            "--record-size",
            Integer.toString(recordSize),
            "--throughput",
            "-1",
            "--producer.config",
            signInFile().toString(),
            "--producer-props",
            "acks=all",
            "enable.idempotence=true"));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    ProducerPerf result = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.contains("records sent")) {
          System.out.println("[producer-perf] " + line);
        }
        Optional<ProducerPerf> parsed = parse(line, recordSize);
        if (parsed.isPresent()) {
          result = parsed.get();
        }
      }
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    return Optional.ofNullable(result);
  }

  static Optional<ProducerPerf> parse(String line, int recordSize) {
    Matcher m = RESULT.matcher(line);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new ProducerPerf(
            Long.parseLong(m.group(1)),
            recordSize,
            Double.parseDouble(m.group(2)),
            Double.parseDouble(m.group(3)),
            Double.parseDouble(m.group(4)),
            Double.parseDouble(m.group(5)),
            Double.parseDouble(m.group(6)),
            Double.parseDouble(m.group(7)),
            Double.parseDouble(m.group(8)),
            Double.parseDouble(m.group(9))));
  }

  @Override
  public void close() {
    if (!created.isEmpty()) {
      try {
        admin.deleteTopics(created).all().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("[benchmark] could not delete " + created + ": " + e.getMessage());
      }
    }
    admin.close(Duration.ofSeconds(5));
  }
}
