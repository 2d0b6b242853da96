package org.ungis.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's command line. Every option has a default that runs against bin/local-stack. */
record Options(
    int rate,
    Duration duration,
    Duration warmup,
    Duration drain,
    int concurrency,
    int approvalConcurrency,
    boolean approve,
    boolean idempotencyKeys,
    int entriesPerCall,
    int bodyChars,
    boolean baselines,
    int producerPerfRecords,
    List<String> contributionsUrls,
    List<String> publicationUrls,
    List<String> reviewUrls,
    String authUrl,
    String bootstrapServers,
    String registryUrl,
    Path resultsDir,
    String rebuildService,
    int rebuildCount,
    String stackDataDir,
    long seed,
    int seedBodyMin,
    int seedBodyMax,
    Duration seedTimeout,
    boolean portal,
    int portalUsers,
    int portalInputs,
    Duration think,
    String gatewayUrl,
    String portalUrl,
    String portalSeeded) {

  /** {@code rate} for "as fast as the system takes": a closed loop of {@code concurrency}. */
  static final int MAX = -1;

  boolean maxRate() {
    return rate == MAX;
  }

  /** The first contributions-service instance (the one set-up requests go to). */
  String contributionsUrl() {
    return contributionsUrls.get(0);
  }

  /** The first review-service instance (the one calls for inputs are opened through). */
  String reviewUrl() {
    return reviewUrls.get(0);
  }

  static final String USAGE =
      """
      Usage: bin/benchmark [options]   (java -jar benchmarks/target/benchmarks-0.1.0-SNAPSHOT-exec.jar)

        --rate N|max            submissions per second, open loop (default 300); max = closed loop
        --duration 60s          measured load period (also the bare-HTTP baseline's)
        --warmup 10s            load before the measured period (not recorded)
        --drain 60s             how long to wait after the load for the last records to be published
        --concurrency 256       bound on requests in flight (intake; approvals have their own)
        --approval-concurrency 64  bound on approval requests in flight (the reviewers)
        --no-approve            only submit (no approvals, no end-to-end figures)
        --idempotency-keys      each submission carries a unique Idempotency-Key (with several
                                instances, a keyed POST is served by the owner of the key's
                                contribution id: most are forwarded one hop)
        --entries-per-call 1000 contributions per call for inputs (a new call after that many)
        --body-chars 2000       characters of contribution body
        --no-baselines          skip the bare-HTTP and ProducerPerformance baselines
        --producer-perf-records 200000  records for Kafka's ProducerPerformance baseline
        --contributions-url http://localhost:8082   --review-url http://localhost:8083
        --contributions-urls URL,URL,...  several contributions-service instances: the intake
                                POSTs go to them in turn, one per request (round-robin, as a
                                load balancer would); replaces --contributions-url
        --review-urls URL,URL,...  several review-service instances: the approvals go to them
                                in turn (round-robin), each one's CPU and RSS is sampled;
                                replaces --review-url
        --publication-url http://localhost:8084
        --publication-urls URL,URL,...  several publication-service instances: each one's CPU
                                and RSS is sampled (the benchmark reads the editions from
                                Kafka, not over HTTP); replaces --publication-url
        --auth-url http://localhost:9000             --bootstrap-servers localhost:9092
        --registry-url http://localhost:8081         --results-dir benchmarks/results
        --rebuild SERVICE       instead of a load run: submit (and approve) --rebuild-count
                                contributions, then stop SERVICE of the stack in --stack-data-dir,
                                delete its state directory, start it again and time until ready
        --rebuild-count 20000   --stack-data-dir .local-stack
        --seed N                instead of a load run: open calls for inputs through review-service
                                (--entries-per-call each), write N ContributionSubmitted events
                                straight to the contributions topic with a bulk KafkaProducer, then
                                wait until every service's consumer group has folded them (N: 1000000,
                                1m, 100k)
        --seed-body-chars 300-600  body length range of the seeded contributions
        --seed-timeout 60m      how long to wait for the services to fold the seeded events
        --portal                instead of a load run: seed a call with --portal-inputs inputs
                                awaiting review and a published record of as many entries
                                (through the gateway), sign in --portal-users people at the
                                portal as a browser does, and have them load the chair's queue,
                                the record page and a focal point's dashboard for --duration
                                after --warmup; server time (Server-Timing) and client latency
                                per page against 150 ms p95
        --portal-users 50       signed-in sessions (the people directory's people, reused in turn)
        --portal-inputs 1000    inputs in the queued call, entries in the published record
        --think 1s              each user's pause between two pages (0.5x to 1.5x, at random)
        --portal-seeded RUN     measure the calls an earlier run seeded (its run id,
                                portal-<stamp>) instead of seeding new ones
        --gateway-url http://localhost:8000         --portal-url http://localhost:8080

      Its Kafka clients sign in to the broker as the super user admin (SASL PLAIN), with the
      password in UNGIS_KAFKA_ADMIN_PASSWORD or the local stack's development admin-secret.
      """;

  static Options parse(String... args) {
    int rate = 300;
    Duration duration = Duration.ofSeconds(60);
    Duration warmup = Duration.ofSeconds(10);
    Duration drain = Duration.ofSeconds(60);
    int concurrency = 256;
    int approvalConcurrency = 64;
    boolean approve = true;
    boolean idempotencyKeys = false;
    int entriesPerCall = 1000;
    int bodyChars = 2000;
    boolean baselines = true;
    int producerPerfRecords = 200_000;
    List<String> contributions = List.of("http://localhost:8082");
    List<String> publication = List.of("http://localhost:8084");
    List<String> review = List.of("http://localhost:8083");
    String auth = "http://localhost:9000";
    String bootstrap = "localhost:9092";
    String registry = "http://localhost:8081";
    Path results = Path.of("benchmarks", "results");
    String rebuild = null;
    int rebuildCount = 20_000;
    String stackDataDir = ".local-stack";
    long seed = 0;
    int[] seedBody = {300, 600};
    Duration seedTimeout = Duration.ofMinutes(60);
    boolean portal = false;
    int portalUsers = 50;
    int portalInputs = 1000;
    Duration think = Duration.ofSeconds(1);
    String gateway = "http://localhost:8000";
    String portalUrl = "http://localhost:8080";
    String portalSeeded = null;
    List<String> rest = new ArrayList<>(List.of(args));
    while (!rest.isEmpty()) {
      String option = rest.remove(0);
      String value = null;
      int eq = option.indexOf('=');
      if (eq > 0) {
        value = option.substring(eq + 1);
        option = option.substring(0, eq);
      }
      switch (option) {
        case "--no-approve" -> approve = false;
        case "--idempotency-keys" -> idempotencyKeys = true;
        case "--no-baselines" -> baselines = false;
        case "--portal" -> portal = true;
        case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
        default -> {
          if (value == null) {
            if (rest.isEmpty()) {
              throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
            }
            value = rest.remove(0);
          }
          switch (option) {
            case "--rate" ->
                rate =
                    value.equalsIgnoreCase("max") ? MAX : positive(option, Integer.parseInt(value));
            case "--duration" -> duration = duration(value);
            case "--warmup" -> warmup = duration(value);
            case "--drain" -> drain = duration(value);
            case "--concurrency" -> concurrency = positive(option, Integer.parseInt(value));
            case "--approval-concurrency" ->
                approvalConcurrency = positive(option, Integer.parseInt(value));
            case "--entries-per-call" -> entriesPerCall = positive(option, Integer.parseInt(value));
            case "--body-chars" -> bodyChars = positive(option, Integer.parseInt(value));
            case "--producer-perf-records" ->
                producerPerfRecords = positive(option, Integer.parseInt(value));
            case "--contributions-url" -> contributions = urls(option, value);
            case "--contributions-urls" -> contributions = urls(option, value);
            case "--publication-url", "--publication-urls" -> publication = urls(option, value);
            case "--review-url", "--review-urls" -> review = urls(option, value);
            case "--auth-url" -> auth = value;
            case "--bootstrap-servers" -> bootstrap = value;
            case "--registry-url" -> registry = value;
            case "--results-dir" -> results = Path.of(value);
            case "--rebuild" -> rebuild = value;
            case "--rebuild-count" -> rebuildCount = positive(option, Integer.parseInt(value));
            case "--stack-data-dir" -> stackDataDir = value;
            case "--seed" -> seed = count(value);
            case "--seed-body-chars" -> seedBody = range(option, value);
            case "--seed-timeout" -> seedTimeout = duration(value);
            case "--portal-users" -> portalUsers = positive(option, Integer.parseInt(value));
            case "--portal-inputs" -> portalInputs = positive(option, Integer.parseInt(value));
            case "--think" -> think = duration(value);
            case "--gateway-url" -> gateway = urls(option, value).get(0);
            case "--portal-url" -> portalUrl = urls(option, value).get(0);
            case "--portal-seeded" -> portalSeeded = value;
            default ->
                throw new IllegalArgumentException("Unknown option " + option + "\n" + USAGE);
          }
        }
      }
    }
    return new Options(
        rate,
        duration,
        warmup,
        drain,
        concurrency,
        approvalConcurrency,
        approve,
        idempotencyKeys,
        entriesPerCall,
        bodyChars,
        baselines,
        producerPerfRecords,
        contributions,
        publication,
        review,
        auth,
        bootstrap,
        registry,
        results,
        rebuild,
        rebuildCount,
        stackDataDir,
        seed,
        seedBody[0],
        seedBody[1],
        seedTimeout,
        portal,
        portalUsers,
        portalInputs,
        think,
        gateway,
        portalUrl,
        portalSeeded);
  }

  /** "url1,url2,..." -> the URLs without blanks or a trailing slash; at least one. */
  static List<String> urls(String option, String text) {
    List<String> urls = new ArrayList<>();
    for (String part : text.split(",")) {
      String url = part.trim();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      if (!url.isEmpty()) {
        urls.add(url);
      }
    }
    if (urls.isEmpty()) {
      throw new IllegalArgumentException(option + " needs at least one URL: " + text);
    }
    return List.copyOf(urls);
  }

  /** A positive count: "1000000", "1_000_000", "1,000,000", "100k" or "1m". */
  static long count(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT).replace("_", "").replace(",", "");
    long factor = 1;
    if (t.endsWith("k")) {
      factor = 1_000;
      t = t.substring(0, t.length() - 1);
    } else if (t.endsWith("m")) {
      factor = 1_000_000;
      t = t.substring(0, t.length() - 1);
    }
    long n = Long.parseLong(t) * factor;
    if (n <= 0) {
      throw new IllegalArgumentException("--seed must be positive: " + text);
    }
    return n;
  }

  /** "300-600" (inclusive) or a single "500"; both ends positive, min <= max. */
  static int[] range(String option, String text) {
    String[] parts = text.trim().split("-", 2);
    int min = Integer.parseInt(parts[0].trim());
    int max = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : min;
    if (min <= 0 || max < min) {
      throw new IllegalArgumentException(option + " needs MIN-MAX with 0 < MIN <= MAX: " + text);
    }
    return new int[] {min, max};
  }

  /** "60s", "2m", "500ms" or a number of seconds. */
  static Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.endsWith("ms")) {
      return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
    }
    if (t.endsWith("s")) {
      return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    if (t.endsWith("m")) {
      return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
    }
    return Duration.ofSeconds(Long.parseLong(t));
  }

  private static int positive(String option, int value) {
    if (value <= 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return value;
  }
}
