package org.ungis.examples.subscriber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.ungis.events.record.RecordEvent;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.schemas.Topics;

/**
 * Follows {@code ungis.records.v1} from the beginning and keeps, for every call for inputs, its
 * latest complete record as {@code <out>/<processId>.json} and {@code <out>/<processId>.md}.
 *
 * <pre>
 * java ... org.ungis.examples.subscriber.RecordsSubscriber \
 *     --bootstrap-servers localhost:9092 --schema-registry-url http://localhost:8081 --out records \
 *     --kafka-user records-reader --kafka-password records-reader-secret \
 *     [--kafka-truststore truststore.p12 --kafka-truststore-password SECRET]
 * </pre>
 *
 * <p>The platform's broker authenticates every client and lets the downstream systems' principal,
 * {@code records-reader}, read {@code ungis.records.v1} and nothing else ({@link #signIn}); the
 * local stack's development password is {@code records-reader-secret}, production's comes from the
 * operator. Production's broker speaks TLS ({@code SASL_SSL}): give the PKCS12 truststore the
 * operator hands out with {@code --kafka-truststore} and its password. Without {@code --kafka-user}
 * the consumer connects without signing in (a broker without authentication).
 *
 * <p>The whole pattern, in the order the code does it:
 *
 * <ol>
 *   <li>assign every partition of the topic and seek to the beginning: the topic is compacted, so
 *       reading it from offset 0 gives the latest value of every key. No consumer group is needed,
 *       because the state (the latest value per key) lives in memory and is rebuilt on every start;
 *   <li>read with {@code isolation.level=read_committed}: publication-service writes an edition's
 *       entries, tombstones and manifest in one transaction, and aborted ones must stay unseen;
 *   <li>decode values with a Confluent-compatible Avro deserializer into the generated {@link
 *       RecordEvent} class ({@code specific.avro.reader=true});
 *   <li>keep the latest value per key, a null value (tombstone) deleting the key ({@link
 *       RecordFiles});
 *   <li>after each batch, write the record of every process that changed, but only once its
 *       manifest's every entry has arrived in the revision the manifest names.
 * </ol>
 */
public final class RecordsSubscriber implements Runnable {

  private static final System.Logger LOG = System.getLogger(RecordsSubscriber.class.getName());

  private final KafkaConsumer<String, RecordEvent> consumer;
  private final RecordFiles files;
  private final AtomicBoolean running = new AtomicBoolean(true);

  /**
   * @param bootstrapServers the Kafka brokers, e.g. {@code localhost:9092}
   * @param schemaRegistryUrl a Confluent-compatible registry, e.g. {@code http://localhost:8081}
   * @param out the directory the record files are written to (created if missing)
   */
  public RecordsSubscriber(String bootstrapServers, String schemaRegistryUrl, Path out) {
    this(bootstrapServers, schemaRegistryUrl, out, Map.of());
  }

  /**
   * The same on a broker that authenticates its clients.
   *
   * @param signIn the consumer's sign-in ({@link #signIn}), empty for none
   */
  public RecordsSubscriber(
      String bootstrapServers, String schemaRegistryUrl, Path out, Map<String, Object> signIn) {
    Map<String, Object> config = consumerConfig(bootstrapServers, schemaRegistryUrl);
    config.putAll(signIn);
    this.consumer = new KafkaConsumer<>(config);
    try {
      this.files = new RecordFiles(out);
    } catch (IOException e) {
      consumer.close();
      throw new UncheckedIOException("cannot use the output directory " + out, e);
    }
  }

  /** The consumer settings a downstream subscriber needs; nothing else is required. */
  static Map<String, Object> consumerConfig(String bootstrapServers, String schemaRegistryUrl) {
    Map<String, Object> config = new HashMap<>();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.CLIENT_ID_CONFIG, "records-subscriber");
    // Only what publication-service committed; never half an edition.
    config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    // We seek to the beginning ourselves; "earliest" also covers a partition that shrank.
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // Wait for the owner to create the topic rather than creating it with the wrong settings.
    config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    // Confluent wire format; with Confluent's jars: io.confluent...KafkaAvroDeserializer.
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, KafkaAvroDeserializer.class);
    config.put("schema.registry.url", schemaRegistryUrl);
    config.put("specific.avro.reader", true);
    return config;
  }

  /**
   * The settings that sign the consumer in to the platform's broker: SASL with SCRAM-SHA-512 as
   * that principal, over TLS trusting that PKCS12 truststore if one is given ({@code SASL_SSL},
   * production's broker), else without ({@code SASL_PLAINTEXT}, the local stack). Reading by
   * assignment, without a consumer group, needs no more than the READ the records reader has on the
   * topic.
   */
  static Map<String, Object> signIn(
      String user, String password, String truststore, String truststorePassword) {
    Map<String, Object> config = new HashMap<>(signIn(user, password));
    if (truststore != null) {
      config.put("security.protocol", "SASL_SSL");
      config.put("ssl.truststore.type", "PKCS12");
      config.put("ssl.truststore.location", truststore);
      config.put("ssl.truststore.password", truststorePassword);
    }
    return config;
  }

  private static Map<String, Object> signIn(String user, String password) {
    return Map.of(
        "security.protocol",
        "SASL_PLAINTEXT",
        "sasl.mechanism",
        "SCRAM-SHA-512",
        "sasl.jaas.config",
        "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + user
            + "\" password=\""
            + password
            + "\";");
  }

  /** Follows the topic until {@link #stop()} is called. */
  @Override
  public void run() {
    String topic = Topics.RECORDS.name();
    try {
      List<TopicPartition> partitions = awaitPartitions(topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      LOG.log(System.Logger.Level.INFO, "following {0} ({1} partitions)", topic, partitions.size());
      while (running.get()) {
        ConsumerRecords<String, RecordEvent> batch;
        try {
          batch = consumer.poll(Duration.ofSeconds(1));
        } catch (RecordDeserializationException poison) {
          // A value that cannot be decoded: report it and go on with the next one.
          LOG.log(System.Logger.Level.WARNING, "skipping an undecodable record", poison);
          consumer.seek(poison.topicPartition(), poison.offset() + 1);
          continue;
        }
        for (ConsumerRecord<String, RecordEvent> record : batch) {
          files.accept(record.key(), record.value());
        }
        for (Path written : files.writeChanged()) {
          LOG.log(System.Logger.Level.INFO, "wrote {0}", written);
        }
      }
    } catch (WakeupException stopped) {
      // stop() was called while polling
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the record files", e);
    } finally {
      consumer.close();
    }
  }

  /** The topic's partitions, once its owner has created it. */
  private List<TopicPartition> awaitPartitions(String topic) {
    while (running.get()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
              .map(p -> new TopicPartition(p.topic(), p.partition()))
              .toList();
      if (!partitions.isEmpty()) {
        return partitions;
      }
      LOG.log(System.Logger.Level.INFO, "waiting for topic {0} to exist", topic);
    }
    throw new WakeupException();
  }

  /** Makes {@link #run()} return soon; safe to call from any thread. */
  public void stop() {
    running.set(false);
    consumer.wakeup();
  }

  /** Runs until Ctrl-C. Arguments: see {@link Options}. */
  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    RecordsSubscriber subscriber =
        new RecordsSubscriber(
            options.bootstrapServers(),
            options.schemaRegistryUrl(),
            options.out(),
            options.signIn());
    Thread worker = new Thread(subscriber, "records-subscriber");
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  subscriber.stop();
                  try {
                    worker.join(10_000);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    worker.start();
    worker.join();
  }

  /**
   * The command line: {@code --bootstrap-servers HOST:PORT --schema-registry-url URL --out DIR
   * [--kafka-user NAME --kafka-password SECRET [--kafka-truststore FILE --kafka-truststore-password
   * SECRET]]} (also {@code --name=value}).
   */
  record Options(
      String bootstrapServers,
      String schemaRegistryUrl,
      Path out,
      String kafkaUser,
      String kafkaPassword,
      String kafkaTruststore,
      String kafkaTruststorePassword) {

    static final String USAGE =
        "usage: records-subscriber --bootstrap-servers localhost:9092"
            + " --schema-registry-url http://localhost:8081 --out DIR"
            + " [--kafka-user records-reader --kafka-password SECRET"
            + " [--kafka-truststore FILE --kafka-truststore-password SECRET]]";

    /** Without signing in to the broker. */
    Options(String bootstrapServers, String schemaRegistryUrl, Path out) {
      this(bootstrapServers, schemaRegistryUrl, out, null, null, null, null);
    }

    /** The consumer's sign-in, empty without {@code --kafka-user}. */
    Map<String, Object> signIn() {
      return kafkaUser == null
          ? Map.of()
          : RecordsSubscriber.signIn(
              kafkaUser, kafkaPassword, kafkaTruststore, kafkaTruststorePassword);
    }

    static Options parse(String... args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        if (!arg.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument: " + arg);
        }
        int equals = arg.indexOf('=');
        if (equals > 0) {
          values.put(arg.substring(2, equals), arg.substring(equals + 1));
        } else if (i + 1 < args.length) {
          values.put(arg.substring(2), args[++i]);
        } else {
          throw new IllegalArgumentException("missing value of " + arg);
        }
      }
      String user = values.get("kafka-user");
      String password = values.get("kafka-password");
      if ((user == null) != (password == null)) {
        throw new IllegalArgumentException("--kafka-user and --kafka-password go together");
      }
      String truststore = values.get("kafka-truststore");
      String truststorePassword = values.get("kafka-truststore-password");
      if ((truststore == null) != (truststorePassword == null)
          || truststore != null && user == null) {
        throw new IllegalArgumentException(
            "--kafka-truststore and --kafka-truststore-password go together, with --kafka-user");
      }
      Options options =
          new Options(
              required(values, "bootstrap-servers"),
              required(values, "schema-registry-url"),
              Path.of(required(values, "out")),
              user,
              password,
              truststore,
              truststorePassword);
      values
          .keySet()
          .removeAll(
              List.of(
                  "bootstrap-servers",
                  "schema-registry-url",
                  "out",
                  "kafka-user",
                  "kafka-password",
                  "kafka-truststore",
                  "kafka-truststore-password"));
      if (!values.isEmpty()) {
        throw new IllegalArgumentException("unknown option(s): " + values.keySet());
      }
      return options;
    }

    private static String required(Map<String, String> values, String name) {
      String value = values.get(name);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("missing --" + name);
      }
      return value;
    }
  }
}
