package org.ungis.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one table a run prints (and the README shows). */
final class Report {

  private Report() {}

  static String table(Result r) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"figure", "workflow", "bare HTTP", "ProducerPerformance", "ratio"});
    Result.Phase bare = r.bareHttp();
    KafkaSide.ProducerPerf perf = r.producerPerformance();
    rows.add(
        new String[] {
          "accepted per second (201/s)",
          num(r.intake().acceptedPerSecond()),
          bare == null ? "-" : num(bare.acceptedPerSecond()),
          perf == null ? "-" : num(perf.recordsPerSecond()),
          ratios(r.ratios())
        });
    rows.add(
        new String[] {
          "accepted / sent",
          r.intake().accepted() + " / " + r.intake().sent(),
          bare == null ? "-" : bare.accepted() + " / " + bare.sent(),
          perf == null ? "-" : perf.records() + " records",
          ""
        });
    rows.add(
        latencyRow("intake latency p50 (ms)", r, Latency::p50, perf == null ? null : perf.p50()));
    rows.add(
        latencyRow("intake latency p95 (ms)", r, Latency::p95, perf == null ? null : perf.p95()));
    rows.add(
        latencyRow("intake latency p99 (ms)", r, Latency::p99, perf == null ? null : perf.p99()));
    rows.add(
        latencyRow("intake latency max (ms)", r, Latency::max, perf == null ? null : perf.maxMs()));
    if (r.settings().approve()) {
      Latency a = r.approvals().latency();
      rows.add(
          new String[] {
            "approvals (201) p50/p99 ms",
            r.approvals().approved() + " " + num(a.p50()) + "/" + num(a.p99()),
            "",
            "",
            ""
          });
      Latency e = r.endToEnd().latency();
      rows.add(
          new String[] {
            "end-to-end p50/p95 (ms)", num(e.p50()) + " / " + num(e.p95()), "", "", ""
          });
      rows.add(
          new String[] {
            "end-to-end p99/max (ms)", num(e.p99()) + " / " + num(e.max()), "", "", ""
          });
      rows.add(
          new String[] {
            "published / not published",
            r.endToEnd().published() + " / " + r.endToEnd().notPublished(),
            "",
            "",
            ""
          });
      stepRows(r.steps(), rows);
    }
    rows.add(
        new String[] {
          "record size (bytes)",
          num(r.contributionEventBytes()),
          "same event",
          perf == null ? "-" : Integer.toString(perf.recordSize()),
          ""
        });
    double intakeCpu = cpuSeconds(r, "contributions-service");
    rows.add(
        new String[] {
          "CPU ms per accepted (intake JVMs)",
          r.intake().accepted() == 0 ? "-" : num(1000 * intakeCpu / r.intake().accepted()),
          bare == null || r.bareHttpJvmCpuSeconds() == null || bare.accepted() == 0
              ? "-"
              : num(1000 * r.bareHttpJvmCpuSeconds() / bare.accepted()),
          "",
          ""
        });
    if (r.endToEnd() != null && r.endToEnd().published() > 0) {
      // The sampled window (measured load + drain) may include editions of warm-up contributions:
      // a comparison figure between runs of the same shape, not an exact cost per entry.
      rows.add(
          new String[] {
            "CPU ms per published (publication JVMs)",
            num(1000 * cpuSeconds(r, "publication-service") / r.endToEnd().published()),
            "",
            "",
            ""
          });
    }
    processRows(r.processes(), r.stackCpuPercent(), r.stackRssMiB(), rows);
    return render(rows);
  }

  /**
   * A row per sampled process (CPU % and highest RSS) and one for the whole stack, the other
   * columns of the table left empty.
   */
  static void processRows(
      List<ProcessSampler.Usage> processes, double stackCpu, double stackRss, List<String[]> rows) {
    int columns = rows.get(0).length;
    for (ProcessSampler.Usage u : processes) {
      rows.add(
          row(
              columns,
              u.name() + " CPU % / RSS MiB",
              num(u.cpuPercent()) + " / " + num(u.rssMaxMiB())));
    }
    rows.add(row(columns, "stack total CPU % / RSS MiB", num(stackCpu) + " / " + num(stackRss)));
  }

  private static String[] row(int columns, String label, String value) {
    String[] row = new String[columns];
    java.util.Arrays.fill(row, "");
    row[0] = label;
    row[1] = value;
    return row;
  }

  /** CPU seconds of every instance of a module ("module" alone or "module@port"). */
  static double cpuSeconds(Result r, String module) {
    return r.processes().stream()
        .filter(u -> u.name().equals(module) || u.name().startsWith(module + "@"))
        .mapToDouble(ProcessSampler.Usage::cpuSeconds)
        .sum();
  }

  /**
   * The block of "step: ..." rows: p50 / p95 / p99 / max in ms of each step over the published
   * contributions (those lacking one of a step's instants are left out of it, and counted).
   */
  private static void stepRows(java.util.Map<String, Steps.Result> steps, List<String[]> rows) {
    if (steps == null || steps.isEmpty()) {
      return;
    }
    Steps.Result total = steps.get(Steps.Step.TOTAL.key);
    rows.add(
        new String[] {
          "step: p50 / p95 / p99 / max (ms)",
          total == null ? "" : total.count() + " published",
          "",
          "",
          ""
        });
    steps.forEach(
        (key, s) ->
            rows.add(
                new String[] {
                  "step: " + s.label(),
                  num(s.p50())
                      + " / "
                      + num(s.p95())
                      + " / "
                      + num(s.p99())
                      + " / "
                      + num(s.max())
                      + (s.missing() > 0 ? " (" + s.missing() + " lack it)" : ""),
                  "",
                  "",
                  ""
                }));
  }

  private static String[] latencyRow(
      String label, Result r, java.util.function.ToDoubleFunction<Latency> f, Double perf) {
    return new String[] {
      label,
      num(f.applyAsDouble(r.intake().latency())),
      r.bareHttp() == null ? "-" : num(f.applyAsDouble(r.bareHttp().latency())),
      perf == null ? "-" : num(perf),
      ""
    };
  }

  private static String ratios(Result.Ratios ratios) {
    if (ratios == null
        || (ratios.intakeToBareHttp() == null && ratios.intakeToProducerPerformance() == null)) {
      return "";
    }
    return "x"
        + (ratios.intakeToBareHttp() == null ? "-" : ratio(ratios.intakeToBareHttp()))
        + " bare, x"
        + (ratios.intakeToProducerPerformance() == null
            ? "-"
            : ratio(ratios.intakeToProducerPerformance()))
        + " perf";
  }

  private static String ratio(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Math.abs(v) < 1) {
      return String.format(Locale.ROOT, "%.2f", v);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Markdown-compatible table with aligned columns. */
  static String render(List<String[]> rows) {
    int columns = rows.get(0).length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      out.append('|');
      for (int i = 0; i < columns; i++) {
        String cell = rows.get(r)[i];
        out.append(' ')
            .append(i == 0 ? pad(cell, widths[i]) : padLeft(cell, widths[i]))
            .append(" |");
      }
      out.append('\n');
      if (r == 0) {
        out.append('|');
        for (int i = 0; i < columns; i++) {
          out.append(' ').append("-".repeat(widths[i])).append(" |");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String pad(String s, int w) {
    return s + " ".repeat(w - s.length());
  }

  private static String padLeft(String s, int w) {
    return " ".repeat(w - s.length()) + s;
  }
}
