package org.ungis.ops;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Replays dead letters after a fix: reads {@code <topic>.DLT} from the beginning (or from an offset
 * or an instant) up to its end as it is when the command starts, keeps the records that match the
 * filters (original key, exception class), and produces each one's original key, value bytes and
 * headers, without the {@code kafka_dlt-*} headers and with {@code ungis-replayed-from:
 * <dlt>/<partition>@<offset>}, to its original topic (header {@code kafka_dlt-original-topic}) and
 * partition. When several services dead-lettered the same original record (same original topic,
 * partition and offset), it is replayed once ({@code --all-copies} replays every dead letter). The
 * producer is idempotent with {@code acks=all}; each send is awaited, so the command exits 0 only
 * once every replayed record is durable. {@code --dry-run} only lists them.
 *
 * <pre>
 * java -jar fault-tests/target/fault-tests-0.1.0-SNAPSHOT-exec.jar \
 *   --bootstrap-servers localhost:9092 --topic ungis.reviews.v1 [--dry-run] \
 *   [--from-offset N | --from-time 2026-11-29T10:00:00Z] [--key K] [--exception CLASS] \
 *   [--command-config FILE] [--all-copies]
 * </pre>
 */
public final class DeadLetterReplay {

  /** Header added to every replayed record: where it was replayed from. */
  public static final String REPLAYED_FROM = "ungis-replayed-from";

  static final String DLT_PREFIX = "kafka_dlt-";
  static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
  static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
  static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
  static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
  static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
  static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";

  private static final String USAGE =
      """
      usage: replay-dead-letters --bootstrap-servers HOST:PORT --topic TOPIC [options]
        --topic TOPIC            the original topic (its dead letters are read from TOPIC.DLT);
                                 TOPIC.DLT itself is accepted too
        --dry-run                list the matching dead letters, produce nothing
        --from-offset N          start at offset N of every partition of the DLT (default: beginning)
        --from-time INSTANT      start at the first dead letter written at or after INSTANT (ISO-8601)
        --key KEY                only dead letters whose original key is KEY
        --exception CLASS        only dead letters whose exception (or cause) class name contains CLASS
        --all-copies             replay every dead letter, also the copies of one original record
                                 (by default each original topic/partition/offset is replayed once)
        --command-config FILE    extra client properties (security etc.), as for Kafka's tools
      """;

  private DeadLetterReplay() {}

  /** The command line, parsed. */
  record Options(
      String bootstrapServers,
      String topic,
      boolean dryRun,
      Long fromOffset,
      Instant fromTime,
      String key,
      String exception,
      String commandConfig,
      boolean allCopies) {

    String deadLetterTopic() {
      return topic.endsWith(".DLT") ? topic : topic + ".DLT";
    }

    static Options parse(String... args) {
      String bootstrap = null;
      String topic = null;
      boolean dryRun = false;
      Long fromOffset = null;
      Instant fromTime = null;
      String key = null;
      String exception = null;
      String commandConfig = null;
      boolean allCopies = false;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--dry-run" -> dryRun = true;
          case "--all-copies" -> allCopies = true;
          case "--bootstrap-servers" -> bootstrap = value(args, ++i, arg);
          case "--topic" -> topic = value(args, ++i, arg);
          case "--from-offset" -> fromOffset = Long.parseLong(value(args, ++i, arg));
          case "--from-time" -> fromTime = Instant.parse(value(args, ++i, arg));
          case "--key" -> key = value(args, ++i, arg);
          case "--exception" -> exception = value(args, ++i, arg);
          case "--command-config" -> commandConfig = value(args, ++i, arg);
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (bootstrap == null || topic == null) {
        throw new IllegalArgumentException("--bootstrap-servers and --topic are required");
      }
      if (fromOffset != null && fromTime != null) {
        throw new IllegalArgumentException("give --from-offset or --from-time, not both");
      }
      return new Options(
          bootstrap, topic, dryRun, fromOffset, fromTime, key, exception, commandConfig, allCopies);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }
  }

  /** One dead letter and where it came from. */
  record DeadLetter(ConsumerRecord<byte[], byte[]> record) {

    Optional<String> header(String name) {
      Header header = record.headers().lastHeader(name);
      return header == null || header.value() == null
          ? Optional.empty()
          : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    String key() {
      return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    Optional<String> originalTopic() {
      return header(ORIGINAL_TOPIC);
    }

    /** Spring Kafka writes the partition as a 4-byte and the offset as an 8-byte big-endian int. */
    Optional<Integer> originalPartition() {
      Header header = record.headers().lastHeader(ORIGINAL_PARTITION);
      return header == null || header.value() == null || header.value().length != 4
          ? Optional.empty()
          : Optional.of(ByteBuffer.wrap(header.value()).getInt());
    }

    Optional<Long> originalOffset() {
      Header header = record.headers().lastHeader(ORIGINAL_OFFSET);
      return header == null || header.value() == null || header.value().length != 8
          ? Optional.empty()
          : Optional.of(ByteBuffer.wrap(header.value()).getLong());
    }

    /** {@code topic/partition@offset} of the original record, when the headers say it. */
    Optional<String> origin() {
      if (originalTopic().isEmpty()
          || originalPartition().isEmpty()
          || originalOffset().isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(
          originalTopic().get() + "/" + originalPartition().get() + "@" + originalOffset().get());
    }

    String exception() {
      return header(EXCEPTION_FQCN).orElse("?");
    }

    boolean matches(Options options) {
      if (options.key() != null && !options.key().equals(key())) {
        return false;
      }
      if (options.exception() != null) {
        String wanted = options.exception();
        return header(EXCEPTION_FQCN).filter(c -> c.contains(wanted)).isPresent()
            || header(EXCEPTION_CAUSE_FQCN).filter(c -> c.contains(wanted)).isPresent();
      }
      return true;
    }

    String describe() {
      return String.format(
          "%s/%d@%d key=%s original=%s/%s@%s bytes=%d exception=%s message=%s",
          record.topic(),
          record.partition(),
          record.offset(),
          key(),
          originalTopic().orElse("?"),
          originalPartition().map(String::valueOf).orElse("?"),
          originalOffset().map(String::valueOf).orElse("?"),
          record.value() == null ? 0 : record.value().length,
          exception(),
          header(EXCEPTION_MESSAGE).map(DeadLetterReplay::oneLine).orElse(""));
    }
  }

  public static void main(String[] args) {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("replay-dead-letters: " + e.getMessage());
      System.err.print(USAGE);
      System.exit(2);
      return;
    }
    try {
      run(options, System.out);
      System.exit(0);
    } catch (RuntimeException e) {
      System.err.println("replay-dead-letters failed: " + e);
      System.exit(1);
    }
  }

  /**
   * Lists (dry run) or replays the matching dead letters; returns how many matched, and prints one
   * line per dead letter and a summary line {@code matched=.. replayed=.. dry-run=..}.
   */
  static int run(Options options, PrintStream out) {
    Map<String, Object> common = new HashMap<>(loadCommandConfig(options.commandConfig()));
    common.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    List<DeadLetter> matching = read(options, common);
    // Several services may dead-letter the same input record: replay each original record once.
    List<DeadLetter> toReplay = new ArrayList<>();
    java.util.Set<String> origins = new java.util.HashSet<>();
    int copies = 0;
    for (DeadLetter letter : matching) {
      Optional<String> origin = letter.origin();
      if (!options.allCopies() && origin.isPresent() && !origins.add(origin.get())) {
        copies++;
        out.println("SKIP-COPY " + letter.describe());
      } else if (options.dryRun()) {
        out.println("DRY-RUN " + letter.describe());
        toReplay.add(letter);
      } else {
        toReplay.add(letter);
      }
    }
    int replayed = 0;
    if (!options.dryRun() && !toReplay.isEmpty()) {
      replayed = replay(toReplay, options, common, out);
    }
    out.printf(
        "matched=%d copies=%d replayed=%d dry-run=%s dlt=%s%n",
        matching.size(), copies, replayed, options.dryRun(), options.deadLetterTopic());
    return matching.size();
  }

  private static List<DeadLetter> read(Options options, Map<String, Object> common) {
    Map<String, Object> config = new HashMap<>(common);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "ungis-replay-dead-letters-" + UUID.randomUUID());
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    List<DeadLetter> matching = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      String dlt = options.deadLetterTopic();
      List<TopicPartition> partitions =
          consumer.partitionsFor(dlt, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("no topic " + dlt);
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer.seekToBeginning(partitions);
      if (options.fromOffset() != null) {
        partitions.forEach(p -> consumer.seek(p, Math.min(options.fromOffset(), end.get(p))));
      } else if (options.fromTime() != null) {
        Map<TopicPartition, Long> times = new HashMap<>();
        partitions.forEach(p -> times.put(p, options.fromTime().toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(times);
        partitions.forEach(
            p -> {
              OffsetAndTimestamp at = found.get(p);
              consumer.seek(p, at == null ? end.get(p) : at.offset());
            });
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + dlt + " to its end in 60 s");
        }
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= end.get(partition)) {
            continue;
          }
          DeadLetter letter = new DeadLetter(record);
          if (letter.matches(options)) {
            matching.add(letter);
          }
        }
      }
    }
    return matching;
  }

  private static int replay(
      List<DeadLetter> letters, Options options, Map<String, Object> common, PrintStream out) {
    Map<String, Object> config = new HashMap<>(common);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    config.put(ProducerConfig.CLIENT_ID_CONFIG, "ungis-replay-dead-letters");
    String fallbackTopic =
        options.topic().endsWith(".DLT")
            ? options.topic().substring(0, options.topic().length() - 4)
            : options.topic();
    int replayed = 0;
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (DeadLetter letter : letters) {
        ConsumerRecord<byte[], byte[]> record = letter.record();
        String target = letter.originalTopic().orElse(fallbackTopic);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
          if (!header.key().startsWith(DLT_PREFIX) && !header.key().equals(REPLAYED_FROM)) {
            headers.add(header.key(), header.value());
          }
        }
        String from = record.topic() + "/" + record.partition() + "@" + record.offset();
        headers.add(REPLAYED_FROM, from.getBytes(StandardCharsets.UTF_8));
        int partitions = producer.partitionsFor(target).size();
        Integer partition =
            letter.originalPartition().filter(p -> p >= 0 && p < partitions).orElse(null);
        ProducerRecord<byte[], byte[]> copy =
            new ProducerRecord<>(target, partition, record.key(), record.value(), headers);
        try {
          RecordMetadata written = producer.send(copy).get();
          replayed++;
          out.printf(
              "REPLAYED %s -> %s/%d@%d%n",
              letter.describe(), written.topic(), written.partition(), written.offset());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while replaying " + from, e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("could not replay " + from, e.getCause());
        }
      }
    }
    return replayed;
  }

  private static Map<String, Object> loadCommandConfig(String file) {
    Map<String, Object> config = new HashMap<>();
    if (file == null) {
      return config;
    }
    java.util.Properties properties = new java.util.Properties();
    try (java.io.Reader reader =
        java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file))) {
      properties.load(reader);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + file, e);
    }
    properties.forEach((k, v) -> config.put(k.toString(), v));
    return config;
  }

  private static String oneLine(String text) {
    String line = text.replace('\n', ' ').replace('\r', ' ');
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
