package org.ungis.publication;

import static org.ungis.publication.record.messaging.InputEvents.approved;
import static org.ungis.publication.record.messaging.InputEvents.call;
import static org.ungis.publication.record.messaging.InputEvents.content;
import static org.ungis.publication.record.messaging.InputEvents.submitted;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.ungis.events.process.CallStatus;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEvent;
import org.ungis.reference.Roster;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;

/**
 * End-to-end cost of publication on a real broker, under {@code exactly_once_v2}: the service runs
 * in this JVM against an embedded KRaft broker and the real registry; one call of {@code entries}
 * submitted contributions is approved at {@code rate} approvals per second, and a plain
 * read_committed consumer of {@code ungis.records.v1} measures, for each approval, the time from
 * its send to the first committed manifest that lists it. Prints percentiles, the manifests written
 * and their bytes, and the CPU time of the service's stream thread. A tool, not a test.
 *
 * <pre>
 * ./mvnw -B -q -pl publication-service test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp publication-service/target/test-classes:publication-service/target/classes:$(cat \
 *     publication-service/target/test.classpath) \
 *     org.ungis.publication.PublicationLatencyBenchmark 2000 300 250
 * </pre>
 *
 * Arguments: entries (2000), approvals per second (300), edition interval in ms (250; 0 = an
 * edition per approval, as before batching).
 */
public final class PublicationLatencyBenchmark {

  private PublicationLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 300;
    long intervalMs = args.length > 2 ? Long.parseLong(args[2]) : 250;

    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.brokerProperty("group.initial.rebalance.delay.ms", "0");
    broker.brokerProperty("transaction.state.log.replication.factor", "1");
    broker.brokerProperty("transaction.state.log.min.isr", "1");
    broker.brokerProperty("offsets.topic.replication.factor", "1");
    broker.afterPropertiesSet();
    String brokers = broker.getBrokersAsString();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
      admin
          .createTopics(
              List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES).stream()
                  .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                  .toList())
          .all()
          .get();
    }
    EmbeddedSchemaRegistry registry = EmbeddedSchemaRegistry.start(brokers);
    ConfigurableApplicationContext app =
        new SpringApplicationBuilder(PublicationServiceApplication.class)
            .run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.kafka.properties.schema.registry.url=" + registry.url(),
                "--spring.kafka.streams.state-dir="
                    + Files.createTempDirectory("publication-latency"),
                "--ungis.publication.edition-interval=" + intervalMs + "ms",
                "--logging.level.root=WARN",
                "--logging.structured.format.console=");
    StreamsBuilderFactoryBean streams = app.getBean(StreamsBuilderFactoryBean.class);
    Awaitility.await("the streams are running")
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                streams.getKafkaStreams() != null
                    && streams.getKafkaStreams().state() == KafkaStreams.State.RUNNING);

    Map<String, Object> config = new HashMap<>();
    config.put("bootstrap.servers", brokers);
    config.put("acks", "all");
    config.put("enable.idempotence", true);
    config.put("linger.ms", 1);
    config.putAll(registry.clientConfig());
    KafkaAvroSerializer values = new KafkaAvroSerializer();
    values.configure(config, false);
    String process = "latency-2026";
    Instant t0 = Instant.now().minusSeconds(3600);
    List<String> agencies = Roster.load().members().stream().map(m -> m.code()).toList();
    String[] ids = new String[count];
    String[] agencyOf = new String[count];
    Map<String, Integer> index = new HashMap<>();
    try (KafkaProducer<String, Object> producer =
        new KafkaProducer<>(config, new StringSerializer(), values)) {
      producer.send(
          new ProducerRecord<>(
              Topics.PROCESSES.name(), process, call(process, CallStatus.OPEN, t0)));
      for (int i = 0; i < count; i++) {
        ids[i] = UUID.randomUUID().toString();
        agencyOf[i] = agencies.get(i % agencies.size());
        index.put(ids[i], i);
        producer.send(
            new ProducerRecord<>(
                Topics.CONTRIBUTIONS.name(),
                ids[i],
                submitted(
                    ids[i],
                    process,
                    agencyOf[i],
                    content("Input " + i, i + " " + "digital inclusion and access ".repeat(70)),
                    t0.plusMillis(i))));
      }
      producer.flush();
      awaitConsumed(brokers, Topics.CONTRIBUTIONS.name());

      long[] sentAt = new long[count];
      long[] latency = new long[count];
      Arrays.fill(latency, -1);
      AtomicLong seen = new AtomicLong();
      AtomicLong manifests = new AtomicLong();
      AtomicLong manifestBytes = new AtomicLong();
      AtomicBoolean stop = new AtomicBoolean();
      Map<String, Boolean> listed = new ConcurrentHashMap<>();
      var deserializer = Topics.RECORDS.valueSerde(registry.clientConfig()).deserializer();
      Thread follower =
          new Thread(
              () -> {
                try (KafkaConsumer<String, byte[]> consumer =
                    new KafkaConsumer<>(
                        Map.of(
                            "bootstrap.servers",
                            brokers,
                            "isolation.level",
                            "read_committed",
                            "group.id",
                            "latency-" + UUID.randomUUID(),
                            "auto.offset.reset",
                            "earliest"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
                  consumer.subscribe(List.of(Topics.RECORDS.name()));
                  while (!stop.get()) {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                      if (r.key().contains("/") || r.value() == null) {
                        continue;
                      }
                      long now = System.nanoTime();
                      manifests.incrementAndGet();
                      manifestBytes.addAndGet(r.value().length);
                      RecordEvent event = deserializer.deserialize(r.topic(), r.value());
                      for (EntryRef ref : ((RecordEdition) event.getPayload()).getEntries()) {
                        if (listed.putIfAbsent(ref.getContributionId(), true) == null) {
                          int i = index.get(ref.getContributionId());
                          latency[i] = now - sentAt[i];
                          seen.incrementAndGet();
                        }
                      }
                    }
                  }
                }
              },
              "records-follower");
      follower.start();

      var threads = ManagementFactory.getThreadMXBean();
      long cpuBefore = streamThreadCpu(threads);
      long start = System.nanoTime();
      long step = (long) (1e9 / rate);
      for (int i = 0; i < count; i++) {
        long due = start + i * step;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait); // open-loop pacing of the approvals
        }
        sentAt[i] = System.nanoTime();
        producer.send(
            new ProducerRecord<>(
                Topics.REVIEWS.name(),
                ids[i],
                approved(ids[i], process, agencyOf[i], 1, Instant.now())));
      }
      producer.flush();
      try {
        Awaitility.await("every approval in a published edition")
            .atMost(Duration.ofSeconds(300))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> seen.get() >= count);
      } catch (ConditionTimeoutException e) {
        // reported below as the approvals never seen published
      }
      long elapsed = System.nanoTime() - start;
      long cpu = streamThreadCpu(threads) - cpuBefore;
      stop.set(true);
      follower.join();

      long[] done = Arrays.stream(latency).filter(l -> l >= 0).sorted().toArray();
      System.out.printf(
          "entries=%d rate=%.0f/s edition-interval=%d ms published=%d/%d in %.1f s"
              + " latency-ms p50=%.0f p95=%.0f p99=%.0f max=%.0f manifests=%d manifest-bytes=%.1f MB"
              + " stream-thread-cpu=%.1f s%n",
          count,
          rate,
          intervalMs,
          done.length,
          count,
          elapsed / 1e9,
          percentile(done, 0.50),
          percentile(done, 0.95),
          percentile(done, 0.99),
          percentile(done, 1.0),
          manifests.get(),
          manifestBytes.get() / 1e6,
          cpu / 1e9);
    } finally {
      app.close();
      registry.close();
      broker.destroy();
    }
    System.exit(0);
  }

  /** Waits until the service's consumer group has committed the end of {@code topic}. */
  static void awaitConsumed(String brokers, String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", brokers))) {
      var partitions =
          admin
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get()
              .get(topic)
              .partitions()
              .stream()
              .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition()))
              .toList();
      var latest =
          admin
              .listOffsets(
                  partitions.stream()
                      .collect(
                          java.util.stream.Collectors.toMap(
                              p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
              .all()
              .get();
      try {
        Awaitility.await("publication-service has consumed " + topic)
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> {
                  var committed =
                      admin
                          .listConsumerGroupOffsets("publication-service")
                          .partitionsToOffsetAndMetadata()
                          .get();
                  return partitions.stream()
                      .allMatch(
                          partition ->
                              committed.get(partition) != null
                                  && committed.get(partition).offset()
                                      >= latest.get(partition).offset());
                });
      } catch (ConditionTimeoutException e) {
        // go on: the measurement then includes the rest of the catch-up
      }
    }
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, i)] / 1e6;
  }

  /** CPU time of the service's stream threads (where the publisher runs). */
  static long streamThreadCpu(java.lang.management.ThreadMXBean threads) {
    long total = 0;
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().contains("-StreamThread-")) {
        total += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return total;
  }
}
