package org.ungis.benchmarks;

import static org.ungis.benchmarks.Report.num;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one run of the portal scenario measured; written as JSON and printed as a table. */
record PortalResult(
    String startedAt,
    String runId,
    String command,
    Machine machine,
    double[] loadAverageAtStart,
    int cpus,
    Settings settings,
    Seeded seeded,
    SignIns signIns,
    Map<String, PageFigures> pages,
    double targetP95ServerMs,
    boolean everyPageMeetsTarget,
    List<ProcessSampler.Usage> processes,
    double stackCpuPercent,
    double stackRssMiB,
    String note) {

  /**
   * @param sessionsPerPerson how many of the sessions each person of the directory holds (there are
   *     fewer people than sessions: each signs in several times, each time in a browser of its own)
   * @param thinkSeconds each user's mean pause between two pages (uniform, 0.5x to 1.5x)
   */
  record Settings(
      int users,
      int people,
      Map<String, Integer> sessionsPerPerson,
      double thinkSeconds,
      double durationSeconds,
      double warmupSeconds,
      int inputs,
      String portalUrl,
      String gatewayUrl) {}

  /**
   * The queued call and the published record, and how long seeding them took ({@code reused}: an
   * earlier run seeded them, {@code --portal-seeded}).
   */
  record Seeded(
      String queuedCall, String publishedCall, int inputs, double seconds, boolean reused) {}

  /** The sign-ins through the portal and the authorization server's form, one after another. */
  record SignIns(int sessions, double seconds, Latency latency) {}

  /**
   * One page over the measured period.
   *
   * @param requests answered 200 (failures are counted apart)
   * @param withoutServerTiming 200 answers that lacked the header (not in {@code serverTime})
   * @param serverTime the portal's {@code Server-Timing: app;dur}
   * @param clientLatency from send to the last byte read, at the load generator
   * @param meetsTarget p95 server time within the target and no failure
   */
  record PageFigures(
      String path,
      long requests,
      double requestsPerSecond,
      Map<String, Long> failures,
      long withoutServerTiming,
      Latency serverTime,
      Latency clientLatency,
      long averageBytes,
      boolean meetsTarget) {}

  static String table(PortalResult r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {
          "page",
          "requests (/s)",
          "server p50 / p95 / p99 ms",
          "client p50 / p95 / p99 ms",
          "bytes",
          "p95 <= " + num(r.targetP95ServerMs()) + " ms"
        });
    r.pages()
        .forEach(
            (name, p) ->
                rows.add(
                    new String[] {
                      name + " " + p.path(),
                      p.requests() + " (" + num(p.requestsPerSecond()) + ")",
                      triple(p.serverTime()),
                      triple(p.clientLatency()),
                      Long.toString(p.averageBytes()),
                      (p.meetsTarget() ? "pass" : "FAIL")
                          + (p.failures().isEmpty() ? "" : " " + p.failures())
                    }));
    rows.add(
        new String[] {
          "sign-ins p50 / p95 ms",
          Integer.toString(r.signIns().sessions()),
          "",
          num(r.signIns().latency().p50()) + " / " + num(r.signIns().latency().p95()),
          "",
          r.settings().people() + " people"
        });
    Report.processRows(r.processes(), r.stackCpuPercent(), r.stackRssMiB(), rows);
    return Report.render(rows);
  }

  private static String triple(Latency l) {
    return num(l.p50()) + " / " + num(l.p95()) + " / " + num(l.p99());
  }
}
