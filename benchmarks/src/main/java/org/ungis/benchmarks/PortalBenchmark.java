package org.ungis.benchmarks;

import static org.ungis.benchmarks.WorkflowBenchmark.say;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.ungis.auth.DevelopmentPeople;
import org.ungis.reference.Member;
import org.ungis.reference.Person;
import org.ungis.reference.Roster;

/**
 * The portal scenario: seeds a call with many inputs awaiting review and a published record of as
 * many entries (through the gateway), signs in people at the portal as a browser does, one browser
 * per session, and has every session load its pages in a loop with a pause between two: a reviewer
 * the chair's queue of that call and the record page, a focal point their dashboard and the record
 * page. Per page: the portal's own time ({@code Server-Timing: app;dur=}) and the latency the
 * browser saw, p50 / p95 / p99, against the target of 150 ms p95 server time.
 */
final class PortalBenchmark {

  /** Issue 18's target: a page's p95 server time with 50 signed-in users. */
  static final double TARGET_P95_MS = 150;

  /** The pages measured. */
  enum Page {
    QUEUE("chair's queue of the call (reviewers)"),
    RECORD("record page (everyone)"),
    DASHBOARD("focal point's dashboard");

    final String label;

    Page(String label) {
      this.label = label;
    }
  }

  /** One signed-in session: a person in their own browser. */
  record Session(Person person, Browser browser) {
    boolean reviewer() {
      return person.role() == Person.Role.REVIEWER;
    }
  }

  /** What a page took over the measured period. */
  static final class Measured {
    final Histogram server = Latency.micros();
    final Histogram client = Latency.micros();
    final LongAdder bytes = new LongAdder();
    final LongAdder withoutServerTiming = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();

    synchronized void record(java.util.OptionalDouble serverMs, long clientNanos, int size) {
      if (serverMs.isPresent()) {
        server.recordValue(Math.max(0, Math.round(serverMs.getAsDouble() * 1000)));
      } else {
        withoutServerTiming.increment();
      }
      client.recordValue(clientNanos / 1000);
      bytes.add(size);
    }

    void fail(String why) {
      failures.computeIfAbsent(why, k -> new LongAdder()).increment();
    }

    synchronized PortalResult.PageFigures figures(String path, double seconds) {
      Latency s = Latency.ofMicros(server);
      Latency c = Latency.ofMicros(client);
      Map<String, Long> failed = new LinkedHashMap<>();
      failures.forEach((k, v) -> failed.put(k, v.sum()));
      return new PortalResult.PageFigures(
          path,
          c.count(),
          Math.round(10 * c.count() / seconds) / 10.0,
          failed,
          withoutServerTiming.sum(),
          s,
          c,
          c.count() == 0 ? 0 : Math.round(bytes.sum() / (double) c.count()),
          s.count() > 0 && failed.isEmpty() && s.p95() <= TARGET_P95_MS);
    }
  }

  private PortalBenchmark() {}

  static int run(Options o, String arguments) throws Exception {
    Instant started = Instant.now();
    String stamp = WorkflowBenchmark.STAMP.format(started);
    String runId = "portal-" + stamp;
    double[] load = WorkflowBenchmark.loadAverage();
    say(
        "portal %s: %d users, %d inputs; load average %.2f %.2f %.2f on %d cores",
        runId,
        o.portalUsers(),
        o.portalInputs(),
        load[0],
        load[1],
        load[2],
        Runtime.getRuntime().availableProcessors());
    Roster roster = Roster.load();
    Reviewers reviewers = Reviewers.at(roster, started);
    List<String> agencies = roster.members().stream().map(Member::code).toList();
    Actors actors = new Actors(o.authUrl());
    if (!actors.usesTokens()) {
      throw new IllegalStateException("no authorization server answers at " + o.authUrl());
    }

    long seedStart = System.nanoTime();
    PortalSeed.Calls calls =
        o.portalSeeded() != null
            ? PortalSeed.Calls.of(o.portalSeeded())
            : new PortalSeed(
                    o.gatewayUrl(), actors, agencies, reviewers.chair(), reviewers.viceChair())
                .seed(runId, o.portalInputs());
    if (o.portalSeeded() != null) {
      say("reusing the calls %s and %s of an earlier run", calls.queued(), calls.published());
    }
    double seedSeconds = round((System.nanoTime() - seedStart) / 1e9);

    Map<Page, String> paths = new EnumMap<>(Page.class);
    paths.put(Page.QUEUE, "/review?process=" + calls.queued());
    paths.put(Page.RECORD, "/records/" + calls.published());
    paths.put(Page.DASHBOARD, "/my");

    ExecutorService httpExecutor = Executors.newFixedThreadPool(4, Workflow.daemon("portal-http"));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(httpExecutor)
            .build();
    try {
      // Focal points, and the reviewers whose agency chairs or vice-chairs now: the portal lets
      // the others sign in but not see the queue.
      List<DevelopmentPeople.Login> people =
          DevelopmentPeople.logins().stream()
              .filter(
                  l ->
                      l.person().role() != Person.Role.REVIEWER
                          || roster.roleAt(l.person().agency(), started).isPresent())
              .toList();
      Session[] signedIn = new Session[o.portalUsers()];
      Histogram signInMicros = Latency.micros();
      long signInStart = System.nanoTime();
      Map<String, Integer> perPerson = new LinkedHashMap<>();
      for (int i = 0; i < o.portalUsers(); i++) {
        perPerson.merge(people.get(i % people.size()).person().id(), 1, Integer::sum);
      }
      // A few at a time, as people arriving in the morning would.
      PortalSeed.parallel(
          o.portalUsers(),
          i -> {
            DevelopmentPeople.Login login = people.get(i % people.size());
            Browser browser = new Browser(http);
            long t = System.nanoTime();
            browser.signIn(o.portalUrl(), login.person().id(), login.password());
            synchronized (signInMicros) {
              signInMicros.recordValue((System.nanoTime() - t) / 1000);
            }
            signedIn[i] = new Session(login.person(), browser);
          });
      List<Session> sessions = List.of(signedIn);
      Latency signIns = Latency.ofMicros(signInMicros);
      double signInSeconds = round((System.nanoTime() - signInStart) / 1e9);
      say(
          "signed in %d sessions of %d people in %.1f s (p50 %.0f ms): %s",
          sessions.size(), perPerson.size(), signInSeconds, signIns.p50(), perPerson);

      checkPages(o, sessions, paths);

      Map<Page, Measured> measured = new EnumMap<>(Page.class);
      for (Page page : Page.values()) {
        measured.put(page, new Measured());
      }
      List<ProcessSampler.Usage> usage;
      double seconds;
      try (ProcessSampler sampler = new ProcessSampler(WorkflowBenchmark.stackPorts(o))) {
        say("processes: %s", sampler.found());
        long warmupEnd = System.nanoTime() + o.warmup().toNanos();
        long end = warmupEnd + o.duration().toNanos();
        say(
            "warm-up %s, then measuring %s: %d users, %s pause between pages",
            o.warmup(), o.duration(), sessions.size(), o.think());
        List<Thread> users = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
          Session session = sessions.get(i);
          Random random = new Random(i);
          Thread user =
              new Thread(
                  () -> browse(o, session, paths, measured, random, warmupEnd, end), "user-" + i);
          user.setDaemon(true);
          users.add(user);
        }
        users.forEach(Thread::start);
        sleepUntil(warmupEnd);
        sampler.start();
        long measureStart = System.nanoTime();
        for (Thread user : users) {
          user.join();
        }
        seconds = (System.nanoTime() - measureStart) / 1e9;
        usage = sampler.stop();
      }

      Map<String, PortalResult.PageFigures> pages = new LinkedHashMap<>();
      for (Page page : Page.values()) {
        pages.put(
            page.name().toLowerCase(java.util.Locale.ROOT),
            measured.get(page).figures(paths.get(page), o.duration().toSeconds()));
      }
      List<ProcessSampler.Usage> stack =
          usage.stream().filter(u -> !u.name().startsWith("benchmark")).toList();
      PortalResult result =
          new PortalResult(
              started.toString(),
              runId,
              "bin/benchmark " + arguments,
              Machine.current(),
              load,
              Runtime.getRuntime().availableProcessors(),
              new PortalResult.Settings(
                  o.portalUsers(),
                  perPerson.size(),
                  perPerson,
                  o.think().toMillis() / 1000.0,
                  o.duration().toSeconds(),
                  o.warmup().toSeconds(),
                  o.portalInputs(),
                  o.portalUrl(),
                  o.gatewayUrl()),
              new PortalResult.Seeded(
                  calls.queued(),
                  calls.published(),
                  o.portalInputs(),
                  seedSeconds,
                  o.portalSeeded() != null),
              new PortalResult.SignIns(sessions.size(), signInSeconds, signIns),
              pages,
              TARGET_P95_MS,
              pages.values().stream().allMatch(PortalResult.PageFigures::meetsTarget),
              usage,
              round(stack.stream().mapToDouble(ProcessSampler.Usage::cpuPercent).sum()),
              round(stack.stream().mapToDouble(ProcessSampler.Usage::rssMaxMiB).sum()),
              "Server time is the portal's Server-Timing app;dur (from the request's arrival in the"
                  + " application to its last byte rendered); client latency is the load"
                  + " generator's, from send to the last byte read, on the same machine. Only the"
                  + " pages' HTML is requested (a browser caches the stylesheet and scripts). The"
                  + " stack and the load generator share the machine: see machine and"
                  + " loadAverageAtStart.");
      System.out.println();
      System.out.println(PortalResult.table(result));
      Path file = o.resultsDir().resolve("portal-" + stamp + ".json");
      WorkflowBenchmark.writeJson(file, result);
      say("written %s", file);
      return pages.values().stream().allMatch(p -> p.failures().isEmpty()) ? 0 : 1;
    } finally {
      httpExecutor.shutdownNow();
    }
  }

  /**
   * Each page once, by a session that may see it, before the load: it answers 200 with a
   * Server-Timing header and shows the seeded inputs.
   */
  private static void checkPages(Options o, List<Session> sessions, Map<Page, String> paths) {
    for (Page page : Page.values()) {
      Session session =
          sessions.stream()
              .filter(s -> page == Page.RECORD || s.reviewer() == (page == Page.QUEUE))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("no session may see " + page));
      HttpResponse<String> response = session.browser().get(o.portalUrl() + paths.get(page));
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            paths.get(page) + " as " + session.person().id() + ": HTTP " + response.statusCode());
      }
      String timing = response.headers().firstValue(ServerTiming.HEADER).orElse(null);
      if (ServerTiming.duration(timing, "app").isEmpty()) {
        throw new IllegalStateException(
            paths.get(page) + " has no Server-Timing app;dur (a portal without the filter?)");
      }
      int shown = occurrences(response.body(), "Portal benchmark input");
      say(
          "%s (%s): %d bytes, %d seeded inputs shown, %s",
          paths.get(page), page.label, response.body().length(), shown, timing);
    }
  }

  /** One user: a page, a pause, the next page of their role, until {@code end}. */
  private static void browse(
      Options o,
      Session session,
      Map<Page, String> paths,
      Map<Page, Measured> measured,
      Random random,
      long warmupEnd,
      long end) {
    List<Page> pages =
        session.reviewer()
            ? List.of(Page.QUEUE, Page.RECORD)
            : List.of(Page.DASHBOARD, Page.RECORD);
    int turn = random.nextInt(pages.size());
    long thinkNanos = o.think().toNanos();
    // Start at a random instant of one pause, so that the users do not move in step.
    sleepUntil(System.nanoTime() + (long) (random.nextDouble() * thinkNanos));
    while (System.nanoTime() < end) {
      Page page = pages.get(turn++ % pages.size());
      long sent = System.nanoTime();
      boolean counted = sent >= warmupEnd;
      try {
        HttpResponse<String> response = session.browser().get(o.portalUrl() + paths.get(page));
        long took = System.nanoTime() - sent;
        if (counted) {
          Measured m = measured.get(page);
          if (response.statusCode() != 200) {
            m.fail("HTTP " + response.statusCode());
          } else {
            m.record(
                ServerTiming.duration(
                    response.headers().firstValue(ServerTiming.HEADER).orElse(null), "app"),
                took,
                response.body().length());
          }
        }
      } catch (RuntimeException e) {
        if (counted) {
          measured.get(page).fail(LoadGenerator.rootCause(e));
        }
      }
      sleepUntil(System.nanoTime() + (long) ((0.5 + random.nextDouble()) * thinkNanos));
    }
  }

  static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
      count++;
    }
    return count;
  }

  private static void sleepUntil(long nanos) {
    long left;
    while ((left = nanos - System.nanoTime()) > 0) {
      try {
        Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
