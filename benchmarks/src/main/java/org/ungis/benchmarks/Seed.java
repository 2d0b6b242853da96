package org.ungis.benchmarks;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.reference.Member;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;

/**
 * {@code --seed N}: fills the running stack with N contributions the way a bulk loader (a migration
 * of an earlier consultation's responses) would, then measures how long each service takes to fold
 * them. Calls for inputs are opened through review-service as in a load run; the {@code
 * ContributionSubmitted} events are written straight to the contributions topic with one
 * KafkaProducer ({@code acks=all}, idempotent, lz4-compressed batches of up to 256 KiB after 20 ms)
 * and our Avro serializer, keyed by contribution id, from the roster's member agencies in turn.
 * Then it follows the committed offsets of each service's consumer group (its Kafka Streams
 * application id) on that topic until none lags behind the end the loader wrote.
 */
final class Seed {

  /** Service -> consumer group (the Kafka Streams application id of each service). */
  static final Map<String, String> GROUPS = groups();

  record Catchup(
      String service,
      String group,
      boolean caughtUp,
      long folded,
      double secondsFromFirstSend,
      double secondsAfterLastAck,
      double eventsPerSecond) {}

  record Result(
      String startedAt,
      String command,
      Machine machine,
      double[] loadAverageAtStart,
      double[] loadAverageAtEnd,
      int cores,
      long events,
      int calls,
      int entriesPerCall,
      int agencies,
      int bodyCharsMin,
      int bodyCharsMax,
      double averageBodyChars,
      double averageSerializedBytes,
      double megabytesSerialized,
      String producer,
      double produceSeconds,
      double producedPerSecond,
      long sendErrors,
      List<Catchup> catchup,
      List<ProcessSampler.Usage> usage,
      String note) {}

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private static final String PRODUCER =
      "acks=all, enable.idempotence=true, linger.ms=20, batch.size=262144, compression.type=lz4,"
          + " buffer.memory=67108864";

  private Seed() {}

  private static Map<String, String> groups() {
    Map<String, String> groups = new LinkedHashMap<>();
    groups.put("contributions-service", "contributions-service");
    groups.put("review-service", "review-service");
    groups.put("publication-service", "publication-service");
    return groups;
  }

  static int run(Options o, String arguments) throws Exception {
    Instant started = Instant.now();
    String stamp = STAMP.format(started);
    String runId = "seed-" + stamp;
    double[] load = WorkflowBenchmark.loadAverage();
    WorkflowBenchmark.say(
        "seed %s: %,d contributions; load average %.2f %.2f %.2f",
        runId, o.seed(), load[0], load[1], load[2]);
    Roster roster = Roster.load();
    Reviewers reviewers = Reviewers.at(roster, started);
    String chair = reviewers.chair();
    String viceChair = reviewers.viceChair();
    List<String> agencies = roster.members().stream().map(Member::code).toList();
    Actors actors = new Actors(o.authUrl());

    try (Workflow workflow = new Workflow(o, actors, agencies, chair, viceChair, runId);
        Admin admin = Admin.create(KafkaLogin.client(o.bootstrapServers()));
        ProcessSampler sampler = new ProcessSampler(WorkflowBenchmark.stackPorts(o))) {
      long opening = System.nanoTime();
      workflow.prepare(o.seed());
      List<String> calls = List.copyOf(workflow.calls());
      WorkflowBenchmark.say(
          "opened %d calls for inputs through review-service in %.1f s (%s-0 ...)",
          calls.size(), (System.nanoTime() - opening) / 1e9, runId);

      List<TopicPartition> partitions = partitions(admin);
      Map<TopicPartition, Long> before = endOffsets(admin, partitions);
      Map<String, Long> foldedBefore = new LinkedHashMap<>();
      for (String group : GROUPS.values()) {
        foldedBefore.put(group, committed(admin, group, partitions));
      }

      Serializer<ContributionEvent> serializer =
          Topics.CONTRIBUTIONS.valueSerde(RegistryCredentials.writer(o.registryUrl())).serializer();
      LongAdder bytes = new LongAdder();
      LongAdder bodyChars = new LongAdder();
      LongAdder errors = new LongAdder();
      AtomicReference<Exception> firstError = new AtomicReference<>();
      sampler.start();
      long t0 = System.nanoTime();
      long lastReport = t0;
      try (KafkaProducer<String, byte[]> producer =
          new KafkaProducer<>(
              producerConfig(o), new StringSerializer(), new ByteArraySerializer())) {
        for (long i = 0; i < o.seed(); i++) {
          String agency = agencies.get((int) (i % agencies.size()));
          String call = calls.get((int) Math.min(i / o.entriesPerCall(), calls.size() - 1));
          String body = body(i, o.seedBodyMin(), o.seedBodyMax());
          bodyChars.add(body.length());
          ContributionEvent event = event(i, runId, call, agency, body);
          byte[] value = serializer.serialize(Topics.CONTRIBUTIONS.name(), event);
          bytes.add(value.length);
          producer.send(
              new ProducerRecord<>(Topics.CONTRIBUTIONS.name(), event.getContributionId(), value),
              (metadata, error) -> {
                if (error != null) {
                  errors.increment();
                  firstError.compareAndSet(null, error);
                }
              });
          long now = System.nanoTime();
          if (now - lastReport > TimeUnit.SECONDS.toNanos(10)) {
            lastReport = now;
            WorkflowBenchmark.say(
                "sent %,d of %,d (%.0f/s)", i + 1, o.seed(), (i + 1) / ((now - t0) / 1e9));
          }
        }
        producer.flush();
      }
      double produceSeconds = (System.nanoTime() - t0) / 1e9;
      long lastAck = System.nanoTime();
      if (firstError.get() != null) {
        WorkflowBenchmark.say(
            "%d sends failed; first: %s", errors.sum(), firstError.get().getMessage());
      }
      WorkflowBenchmark.say(
          "produced %,d events (%.1f MB serialized, average %.0f bytes) in %.1f s: %.0f/s",
          o.seed(),
          bytes.sum() / 1e6,
          (double) bytes.sum() / o.seed(),
          produceSeconds,
          o.seed() / produceSeconds);

      Map<TopicPartition, Long> target = endOffsets(admin, partitions);
      long written = total(target) - total(before);
      Map<String, Catchup> done = new LinkedHashMap<>();
      long deadline = System.nanoTime() + o.seedTimeout().toNanos();
      lastReport = 0;
      while (done.size() < GROUPS.size() && System.nanoTime() < deadline) {
        long now = System.nanoTime();
        StringBuilder progress = new StringBuilder();
        for (Map.Entry<String, String> entry : GROUPS.entrySet()) {
          String service = entry.getKey();
          if (done.containsKey(service)) {
            continue;
          }
          Map<TopicPartition, OffsetAndMetadata> offsets =
              admin
                  .listConsumerGroupOffsets(entry.getValue())
                  .partitionsToOffsetAndMetadata()
                  .get(30, TimeUnit.SECONDS);
          long lag = lag(target, offsets);
          long folded = sum(offsets, partitions) - foldedBefore.get(entry.getValue());
          if (lag == 0) {
            double fromFirst = (now - t0) / 1e9;
            Catchup c =
                new Catchup(
                    service,
                    entry.getValue(),
                    true,
                    folded,
                    round(fromFirst),
                    round(Math.max(0, now - lastAck) / 1e9),
                    round(written / fromFirst));
            done.put(service, c);
            WorkflowBenchmark.say(
                "%s folded all %,d new events %.1f s after the first send (%.1f s after the"
                    + " last ack): %.0f events/s",
                service, written, fromFirst, c.secondsAfterLastAck(), c.eventsPerSecond());
          } else {
            progress.append(String.format(" %s lag %,d;", service, lag));
          }
        }
        if (now - lastReport > TimeUnit.SECONDS.toNanos(15) && progress.length() > 0) {
          lastReport = now;
          WorkflowBenchmark.say("%.0f s:%s", (now - t0) / 1e9, progress);
        }
        if (done.size() < GROUPS.size()) {
          Thread.sleep(250);
        }
      }
      List<ProcessSampler.Usage> usage = sampler.stop();
      List<Catchup> catchup = new ArrayList<>();
      for (Map.Entry<String, String> entry : GROUPS.entrySet()) {
        Catchup c = done.get(entry.getKey());
        if (c == null) {
          long folded =
              committed(admin, entry.getValue(), partitions) - foldedBefore.get(entry.getValue());
          double seconds = (System.nanoTime() - t0) / 1e9;
          c =
              new Catchup(
                  entry.getKey(),
                  entry.getValue(),
                  false,
                  folded,
                  round(seconds),
                  round((System.nanoTime() - lastAck) / 1e9),
                  round(folded / seconds));
          WorkflowBenchmark.say(
              "%s had folded only %,d of %,d after %s",
              entry.getKey(), folded, written, o.seedTimeout());
        }
        catchup.add(c);
      }
      Result result =
          new Result(
              started.toString(),
              "bin/benchmark " + arguments,
              Machine.current(),
              load,
              WorkflowBenchmark.loadAverage(),
              Runtime.getRuntime().availableProcessors(),
              o.seed(),
              calls.size(),
              o.entriesPerCall(),
              agencies.size(),
              o.seedBodyMin(),
              o.seedBodyMax(),
              round((double) bodyChars.sum() / o.seed()),
              round((double) bytes.sum() / o.seed()),
              round(bytes.sum() / 1e6),
              PRODUCER,
              round(produceSeconds),
              round(o.seed() / produceSeconds),
              errors.sum(),
              catchup,
              usage,
              "The services fold while the loader writes (they run throughout); catch-up is timed"
                  + " from the first send to the poll that saw the group's committed offsets at"
                  + " the end the loader wrote (polled every 0.25 s); CPU and RSS cover loading"
                  + " and catch-up.");
      System.out.println();
      System.out.println(table(result));
      Path file = o.resultsDir().resolve("seed-" + stamp + ".json");
      WorkflowBenchmark.writeJson(file, result);
      WorkflowBenchmark.say("written %s", file);
      return done.size() == GROUPS.size() && errors.sum() == 0 ? 0 : 1;
    }
  }

  static Map<String, Object> producerConfig(Options o) {
    Map<String, Object> config = KafkaLogin.client(o.bootstrapServers());
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
    config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    config.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 67_108_864L);
    config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
    return config;
  }

  /** The i-th seeded submission: a valid event as contributions-service would have written it. */
  static ContributionEvent event(long i, String runId, String call, String agency, String body) {
    String id = UUID.nameUUIDFromBytes((runId + "/" + i).getBytes()).toString();
    ActionLine[] lines = ActionLine.values();
    ContributionContent content =
        ContributionContent.newBuilder()
            .setTitle("Seeded input " + i + " of " + agency)
            .setSummary("How " + agency + " advances the WSIS action lines (bulk-loaded).")
            .setBody(body)
            .setLanguage(Language.values()[(int) (i % Language.values().length)])
            .setActionLines(
                List.of(lines[(int) (i % lines.length)], lines[(int) ((i / 7 + 3) % lines.length)])
                    .stream()
                    .distinct()
                    .toList())
            .setSdgs(List.of((int) (i % 17) + 1))
            .setLinks(List.of("https://www.itu.int/net4/wsis/forum/"))
            .build();
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now())
        .setActor(
            Actor.newBuilder()
                .setAgency(agency)
                .setPrincipal("intake@" + agency.toLowerCase(java.util.Locale.ROOT) + ".int")
                .setRole(ActorRole.AGENCY)
                .build())
        .setContributionId(id)
        .setProcessId(call)
        .setAgency(agency)
        .setRevision(1)
        .setPayload(ContributionSubmitted.newBuilder().setContent(content).build())
        .build();
  }

  private static final String[] SENTENCES = {
    "Meaningful connectivity for schools and health centres remains the first priority.",
    "The agency trained 1,200 officials in data protection and cybersecurity last year.",
    "Open standards lowered the cost of digital public infrastructure in twelve countries.",
    "Rural broadband programmes were co-financed with regional development banks.",
    "E-government services now reach small island developing States through shared platforms.",
    "A multilingual content strategy supports indigenous languages online.",
    "Early-warning systems use mobile networks to reach everyone by 2027.",
    "Capacity building focused on women and girls in STEM and digital skills.",
    "Statistics on ICT access were harmonized with national statistical offices.",
    "The ethics of artificial intelligence was discussed with member States and civil society.",
    "Satellite services connected remote communities after natural disasters.",
    "Digital trade facilitation shortened customs clearance for small enterprises.",
    "Media and information literacy curricula were adopted by ministries of education.",
    "Spectrum management guidelines were updated for emerging technologies.",
  };

  /**
   * A body of plain prose whose length lies in {@code [min, max]}, varied (sentences chosen by a
   * pseudo-random walk from {@code i}) so that compression sees realistic text, and the same for
   * the same {@code i}.
   */
  static String body(long i, int min, int max) {
    long state = i * 6364136223846793005L + 1442695040888963407L;
    int span = max - min + 1;
    int target = min + (int) Math.floorMod(state >>> 33, (long) span);
    StringBuilder text = new StringBuilder(target + 120);
    while (text.length() < target) {
      state = state * 6364136223846793005L + 1442695040888963407L;
      text.append(SENTENCES[(int) Math.floorMod(state >>> 33, (long) SENTENCES.length)])
          .append(' ');
    }
    String cut = text.substring(0, target);
    // No trailing blank: content validation trims nothing, but a body ending in a space reads
    // oddly.
    return cut.charAt(cut.length() - 1) == ' ' ? cut.substring(0, cut.length() - 1) + "." : cut;
  }

  /** Partitions whose committed offset is behind {@code target}: the summed lag (0 = caught up). */
  static long lag(
      Map<TopicPartition, Long> target, Map<TopicPartition, OffsetAndMetadata> offsets) {
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
      OffsetAndMetadata committed = offsets.get(e.getKey());
      long position = committed == null ? 0 : committed.offset();
      lag += Math.max(0, e.getValue() - position);
    }
    return lag;
  }

  private static long sum(
      Map<TopicPartition, OffsetAndMetadata> offsets, List<TopicPartition> partitions) {
    long sum = 0;
    for (TopicPartition tp : partitions) {
      OffsetAndMetadata m = offsets.get(tp);
      sum += m == null ? 0 : m.offset();
    }
    return sum;
  }

  private static long committed(Admin admin, String group, List<TopicPartition> partitions)
      throws Exception {
    return sum(
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(30, TimeUnit.SECONDS),
        partitions);
  }

  private static List<TopicPartition> partitions(Admin admin) throws Exception {
    return admin
        .describeTopics(List.of(Topics.CONTRIBUTIONS.name()))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(Topics.CONTRIBUTIONS.name())
        .partitions()
        .stream()
        .map(p -> new TopicPartition(Topics.CONTRIBUTIONS.name(), p.partition()))
        .toList();
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, List<TopicPartition> partitions)
      throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
    Map<TopicPartition, Long> end = new LinkedHashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((tp, info) -> end.put(tp, info.offset()));
    return end;
  }

  private static long total(Map<TopicPartition, Long> offsets) {
    return offsets.values().stream().mapToLong(Long::longValue).sum();
  }

  static String table(Result r) {
    StringBuilder t = new StringBuilder();
    t.append(
        String.format(
            java.util.Locale.ROOT,
            "seeded %,d ContributionSubmitted events (%d calls of %d, %d agencies in turn), body"
                + " %d-%d chars (average %.0f), %.0f bytes serialized on average%n",
            r.events(),
            r.calls(),
            r.entriesPerCall(),
            r.agencies(),
            r.bodyCharsMin(),
            r.bodyCharsMax(),
            r.averageBodyChars(),
            r.averageSerializedBytes()));
    t.append(
        String.format(
            java.util.Locale.ROOT,
            "| %-22s | %12s | %12s | %14s |%n",
            "step",
            "seconds",
            "events/s",
            "after last ack"));
    t.append("| ---------------------- | ------------ | ------------ | -------------- |\n");
    t.append(
        String.format(
            java.util.Locale.ROOT,
            "| %-22s | %12.1f | %12.0f | %14s |%n",
            "produce (acks=all)",
            r.produceSeconds(),
            r.producedPerSecond(),
            ""));
    for (Catchup c : r.catchup()) {
      t.append(
          String.format(
              java.util.Locale.ROOT,
              "| %-22s | %12s | %12.0f | %14s |%n",
              c.service() + (c.caughtUp() ? "" : " (NOT caught up)"),
              String.format(java.util.Locale.ROOT, "%.1f", c.secondsFromFirstSend()),
              c.eventsPerSecond(),
              String.format(java.util.Locale.ROOT, "%.1f s", c.secondsAfterLastAck())));
    }
    for (ProcessSampler.Usage u : r.usage()) {
      t.append(
          String.format(
              java.util.Locale.ROOT,
              "%s: %.1f CPU-s (%.0f %%), RSS max %.0f MiB%n",
              u.name(),
              u.cpuSeconds(),
              u.cpuPercent(),
              u.rssMaxMiB()));
    }
    return t.toString();
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
