package org.ungis.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.ungis.reference.Member;
import org.ungis.reference.Roster;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workflow benchmark: drives the running local stack over HTTP as the member agencies and the
 * chair would, measures intake, approvals and end-to-end publication, the processes' CPU and
 * memory, and two baselines on the same broker; prints a table, writes JSON and a PNG plot. See
 * benchmarks/README.md.
 */
public final class WorkflowBenchmark {

  static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private WorkflowBenchmark() {}

  public static void main(String[] args) throws Exception {
    System.setProperty("java.awt.headless", "true");
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    int status;
    try {
      if (options.portal()) {
        status = PortalBenchmark.run(options, String.join(" ", args));
      } else if (options.rebuildService() != null) {
        status = Rebuild.run(options);
      } else if (options.seed() > 0) {
        status = Seed.run(options, String.join(" ", args));
      } else {
        run(options, String.join(" ", args));
        status = 0;
      }
    } catch (Exception e) {
      e.printStackTrace();
      status = 1;
    }
    System.exit(status);
  }

  static void run(Options o, String arguments) throws Exception {
    Instant started = Instant.now();
    String stamp = STAMP.format(started);
    String runId = "bench-" + stamp;
    double[] load = loadAverage();
    say(
        "run %s; load average %.2f %.2f %.2f on %d cores (shared machine: figures are noisy)",
        runId, load[0], load[1], load[2], Runtime.getRuntime().availableProcessors());

    Roster roster = Roster.load();
    Reviewers reviewers = Reviewers.at(roster, started);
    String chair = reviewers.chair();
    String viceChair = reviewers.viceChair();
    List<String> agencies = roster.members().stream().map(Member::code).toList();
    Actors actors = new Actors(o.authUrl());
    String actingWith =
        actors.usesTokens()
            ? "client-credentials bearer tokens from " + o.authUrl() + " (and the X-Ungis headers)"
            : "X-Ungis-Agency / X-Ungis-Principal headers (no authorization server answered)";
    say(
        "%d agencies; reviewer: chair %s (vice-chair %s for %s's own); acting with %s",
        agencies.size(), chair, viceChair, chair, actingWith);

    Map<String, Integer> ports = stackPorts(o);

    try (KafkaSide kafka = new KafkaSide(o.bootstrapServers());
        Workflow workflow = new Workflow(o, actors, agencies, chair, viceChair, runId);
        ProcessSampler sampler = new ProcessSampler(ports)) {
      say("processes: %s", sampler.found());
      double loadSeconds = o.duration().toSeconds() + o.warmup().toSeconds();
      long expected = o.maxRate() ? 2L * o.entriesPerCall() : (long) (o.rate() * loadSeconds);
      workflow.prepare(expected);
      say("opened %d calls for inputs (%s-0 ...)", workflow.calls().size(), runId);
      Map<TopicPartition, Long> contributionsStart = kafka.contributionsEnd();
      LoadGenerator generator = new LoadGenerator(o.concurrency());
      int seriesSeconds = (int) (o.duration().toSeconds() + o.drain().toSeconds() + 30);

      Result.Phase intake;
      Result.Approvals approvals;
      Result.EndToEnd endToEnd;
      Map<String, Steps.Result> steps = Map.of();
      List<ProcessSampler.Usage> usage;
      Map<String, List<Series.Point>> series = new LinkedHashMap<>();
      try (RecordFollower follower =
              new RecordFollower(
                  o.bootstrapServers(),
                  o.registryUrl(),
                  workflow.awaitingPublication,
                  workflow.timelines,
                  runId);
          StepFollower stepFollower =
              o.approve()
                  ? new StepFollower(
                      o.bootstrapServers(), o.registryUrl(), workflow.timelines, runId)
                  : null) {
        if (!o.warmup().isZero()) {
          say("warm-up: %s at %s/s", o.warmup(), rate(o));
          generator.run(o.rate(), o.warmup(), workflow::submit, 201, null);
          workflow.awaitApprovals(Duration.ofSeconds(30));
        }
        long origin = System.nanoTime();
        LoadGenerator.Run run = new LoadGenerator.Run(new Series(origin, seriesSeconds));
        Series published = new Series(origin, seriesSeconds);
        follower.series = published;
        workflow.track(true);
        sampler.start();
        say("measuring: %s at %s/s%s", o.duration(), rate(o), o.approve() ? " with approvals" : "");
        generator.run(o.rate(), o.duration(), workflow::submit, 201, run);
        workflow.track(false);
        intake = Result.Phase.of(run);
        say(
            "intake: %d accepted of %d sent, %.1f/s, p99 %.1f ms",
            intake.accepted(), intake.sent(), intake.acceptedPerSecond(), intake.latency().p99());
        if (o.approve()) {
          long drainEnd = System.nanoTime() + o.drain().toNanos();
          while (System.nanoTime() < drainEnd
              && (!workflow.awaitingPublication.isEmpty() || workflow.approvalsPending() > 0)) {
            Thread.sleep(200);
          }
        }
        usage = sampler.stop();
        long notPublished = workflow.awaitingPublication.size();
        Latency e2e;
        synchronized (follower.latency) {
          e2e = Latency.ofMicros(follower.latency);
        }
        endToEnd = new Result.EndToEnd(e2e.count(), notPublished, follower.editions.sum(), e2e);
        Latency approval;
        synchronized (workflow.approvalLatency) {
          approval = Latency.ofMicros(workflow.approvalLatency);
        }
        Map<String, Long> approvalFailures = new LinkedHashMap<>();
        workflow.approvalFailures.forEach((k, v) -> approvalFailures.put(k, v.sum()));
        approvals =
            new Result.Approvals(
                approval.count(), workflow.approvalsRetried.sum(), approvalFailures, approval);
        if (stepFollower != null) {
          Steps joined = Steps.of(workflow.timelines.values());
          steps = joined.results();
          say("steps: %d published contributions joined", joined.joined());
          if (stepFollower.otherThanCreateTime() != null) {
            say(
                "note: %s records on the contributions/reviews topics (not the producer's time)",
                stepFollower.otherThanCreateTime());
          }
        }
        series.put("intake", run.series.points());
        series.put("endToEnd", published.points());
      }
      double eventBytes = kafka.averageContributionSize(contributionsStart, 2000);
      say("average serialized ContributionEvent: %.0f bytes", eventBytes);

      Result.Phase bare = null;
      Double bareCpu = null;
      KafkaSide.ProducerPerf perf = null;
      if (o.baselines()) {
        try (BareEndpoint endpoint =
            new BareEndpoint(
                o.bootstrapServers(), o.registryUrl(), kafka.createTopic("bench-bare-" + stamp))) {
          String url = endpoint.url();
          say("baseline 1: bare HTTP endpoint %s, same load", url);
          if (!o.warmup().isZero()) {
            generator.run(o.rate(), o.warmup(), t -> workflow.submitTo(url), 201, null);
          }
          LoadGenerator.Run run =
              new LoadGenerator.Run(new Series(System.nanoTime(), seriesSeconds));
          long self = ProcessHandle.current().pid();
          long ticks = ProcessSampler.cpuTicks(self);
          generator.run(o.rate(), o.duration(), t -> workflow.submitTo(url), 201, run);
          // The endpoint and the load generator together (one JVM).
          bareCpu = round((ProcessSampler.cpuTicks(self) - ticks) / 100.0);
          bare = Result.Phase.of(run);
          series.put("bareHttp", run.series.points());
        }
        int size = (int) Math.max(100, Math.round(eventBytes));
        say(
            "baseline 2: ProducerPerformance, %d records of %d bytes, acks=all",
            o.producerPerfRecords(), size);
        Optional<KafkaSide.ProducerPerf> measured =
            kafka.producerPerformance(
                kafka.createTopic("bench-perf-" + stamp), o.producerPerfRecords(), size);
        perf = measured.orElse(null);
      }

      List<ProcessSampler.Usage> stack =
          usage.stream().filter(u -> !u.name().startsWith("benchmark")).toList();
      double rss = round(stack.stream().mapToDouble(ProcessSampler.Usage::rssMaxMiB).sum());
      double cpu = round(stack.stream().mapToDouble(ProcessSampler.Usage::cpuPercent).sum());
      Result result =
          new Result(
              started.toString(),
              runId,
              "bin/benchmark " + arguments,
              Machine.current(),
              load,
              Runtime.getRuntime().availableProcessors(),
              actingWith,
              new Result.Settings(
                  rate(o),
                  o.duration().toSeconds(),
                  o.warmup().toSeconds(),
                  o.concurrency(),
                  o.approvalConcurrency(),
                  o.approve(),
                  o.entriesPerCall(),
                  o.bodyChars(),
                  agencies.size(),
                  workflow.calls().size(),
                  o.contributionsUrls(),
                  o.idempotencyKeys()),
              intake,
              approvals,
              endToEnd,
              steps,
              bare,
              bareCpu,
              perf,
              round(eventBytes),
              Result.Ratios.of(intake, bare, perf),
              usage,
              rss,
              cpu,
              series,
              "The stack and the load generator share the machine (see machine and"
                  + " loadAverageAtStart); CPU and RSS cover the measured load and the drain.");
      write(o.resultsDir(), stamp, result);
    }
  }

  /** Writes a result as indented JSON (creating the directory); returns the text. */
  static String writeJson(Path file, Object result) throws Exception {
    Files.createDirectories(file.toAbsolutePath().getParent());
    String text =
        JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build()
            .writeValueAsString(result);
    Files.writeString(file, text);
    return text;
  }

  static void write(Path dir, String stamp, Result result) throws Exception {
    Path file = dir.resolve(stamp + ".json");
    String text = writeJson(file, result);
    Files.writeString(dir.resolve("latest.json"), text);
    Path png = dir.resolve(stamp + ".png");
    Plot.draw(result, png);
    Files.copy(png, dir.resolve("latest.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    System.out.println();
    System.out.println(Report.table(result));
    String targets = Targets.table(result);
    if (!targets.isEmpty()) {
      System.out.println(targets);
    }
    say("results: %s, %s (and latest.json, latest.png)", file, png);
  }

  static double[] loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return new double[] {
        Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])
      };
    } catch (Exception e) {
      return new double[] {-1, -1, -1};
    }
  }

  /** The stack's components and the port that identifies each one's process. */
  static Map<String, Integer> stackPorts(Options o) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("broker", port(o.bootstrapServers()));
    ports.put("schema-registry", URI.create(o.registryUrl()).getPort());
    instances(ports, "contributions-service", o.contributionsUrls());
    instances(ports, "review-service", o.reviewUrls());
    instances(ports, "publication-service", o.publicationUrls());
    ports.put("auth-server", URI.create(o.authUrl()).getPort());
    // The rest of bin/local-stack, at its fixed ports moved by the same offset as the broker's: off
    // the measured path, but on the same cores (notification-service e-mails the reviewers about
    // every input, the inbox receives them). Sampled when they run.
    int offset = port(o.bootstrapServers()) - LOCAL_STACK_BROKER_PORT;
    ports.put("notification-service", 8085 + offset);
    ports.put("inbox", 8025 + offset);
    ports.put("gateway", 8000 + offset);
    ports.put("portal", 8080 + offset);
    return ports;
  }

  /** The broker's port in bin/local-stack without --port-offset. */
  private static final int LOCAL_STACK_BROKER_PORT = 9092;

  /**
   * One entry for a single instance ("publication-service"), or one per instance named by its port
   * ("publication-service@8184"): ProcessSampler finds each by its exec jar and port.
   */
  private static void instances(Map<String, Integer> ports, String module, List<String> urls) {
    if (urls.size() == 1) {
      ports.put(module, URI.create(urls.get(0)).getPort());
      return;
    }
    for (String url : urls) {
      int port = URI.create(url).getPort();
      ports.put(module + "@" + port, port);
    }
  }

  private static int port(String bootstrap) {
    String first = bootstrap.split(",")[0];
    return Integer.parseInt(first.substring(first.lastIndexOf(':') + 1));
  }

  private static String rate(Options o) {
    return o.maxRate() ? "max" : Integer.toString(o.rate());
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static void say(String format, Object... args) {
    System.out.println("[benchmark] " + String.format(java.util.Locale.ROOT, format, args));
  }

  static List<String> list(String... values) {
    return new ArrayList<>(List.of(values));
  }
}
