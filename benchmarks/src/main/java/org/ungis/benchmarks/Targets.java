package org.ungis.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The performance targets a workflow run measures (docs/benchmarks.md, "Targets"), each with the
 * run's figure and whether it was met. A target the run's shape does not measure (no baselines, no
 * approvals) is left out rather than reported as met.
 */
final class Targets {

  /** Intake throughput over the bare HTTP endpoint's, at least. */
  static final double INTAKE_TO_BARE_HTTP = 0.6;

  /** CPU of every process of the stack per contribution, submission to published entry, at most. */
  static final double STACK_CPU_MS_PER_CONTRIBUTION = 1.5;

  /**
   * The local stack's inbox stands in for the agencies' mail servers and the integrators' webhook
   * receivers: sampled, but not part of the platform whose CPU the target bounds (nor is the load
   * generator).
   */
  static final String NOT_THE_PLATFORM = "inbox";

  /** End-to-end p99 at 300 submissions/s with approvals, at most. */
  static final double END_TO_END_P99_MS = 500;

  /** The submission rate the end-to-end target is set at. */
  static final String END_TO_END_RATE = "300";

  private Targets() {}

  /**
   * One target: what it is, the run's figure, the limit, and whether the figure meets it.
   *
   * @param condition what the figure is compared with, e.g. "at least 0.6"
   */
  record Target(String name, double figure, String condition, boolean met, String note) {}

  static List<Target> of(Result r) {
    List<Target> targets = new ArrayList<>();
    Result.Ratios ratios = r.ratios();
    // At a set rate both take that rate: the ratio says something only as fast as each takes.
    if (ratios != null && ratios.intakeToBareHttp() != null && "max".equals(r.settings().rate())) {
      double ratio = ratios.intakeToBareHttp();
      targets.add(
          new Target(
              "intake / bare HTTP (accepted per second)",
              ratio,
              "at least " + INTAKE_TO_BARE_HTTP,
              ratio >= INTAKE_TO_BARE_HTTP,
              ""));
    }
    if (r.settings().approve() && r.endToEnd() != null && r.endToEnd().published() > 0) {
      List<ProcessSampler.Usage> platform =
          r.processes().stream()
              .filter(u -> !NOT_THE_PLATFORM.equals(u.name()))
              .filter(u -> !ProcessSampler.LOAD_GENERATOR.equals(u.name()))
              .toList();
      double stackCpu = platform.stream().mapToDouble(ProcessSampler.Usage::cpuSeconds).sum();
      double perContribution = 1000 * stackCpu / r.endToEnd().published();
      targets.add(
          new Target(
              "CPU ms of the platform per contribution, submission to published entry",
              perContribution,
              "at most " + Report.num(STACK_CPU_MS_PER_CONTRIBUTION),
              perContribution <= STACK_CPU_MS_PER_CONTRIBUTION,
              Report.num(stackCpu)
                  + " CPU s of "
                  + platform.size()
                  + " processes for "
                  + r.endToEnd().published()
                  + " published"));
      double p99 = r.endToEnd().latency().p99();
      boolean atRate = END_TO_END_RATE.equals(r.settings().rate());
      targets.add(
          new Target(
              "end-to-end p99 ms with approvals",
              p99,
              "at most " + Report.num(END_TO_END_P99_MS) + " at " + END_TO_END_RATE + "/s",
              atRate && p99 <= END_TO_END_P99_MS,
              atRate ? "" : "measured at " + r.settings().rate() + "/s, not at the target's rate"));
    }
    return targets;
  }

  /** The targets as a table of their own, printed under the run's table; empty if none. */
  static String table(Result r) {
    List<Target> targets = of(r);
    if (targets.isEmpty()) {
      return "";
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"target", "figure", "condition", "verdict", "note"});
    for (Target t : targets) {
      rows.add(
          new String[] {
            t.name(), shown(t.figure()), t.condition(), t.met() ? "met" : "MISSED", t.note()
          });
    }
    return Report.render(rows);
  }

  private static String shown(double v) {
    return String.format(java.util.Locale.ROOT, Math.abs(v) < 10 ? "%.3f" : "%.1f", v);
  }
}
