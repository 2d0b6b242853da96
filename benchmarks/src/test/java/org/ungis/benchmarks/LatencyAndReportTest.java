package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyAndReportTest {

  @Test
  void percentilesAreInMillisecondsFromMicroseconds() {
    Histogram micros = Latency.micros();
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i * 1000L); // 1 ms .. 1000 ms
    }
    Latency latency = Latency.ofMicros(micros);
    assertThat(latency.count()).isEqualTo(1000);
    assertThat(latency.p50()).isBetween(499.0, 501.0);
    assertThat(latency.p99()).isBetween(989.0, 991.0);
    assertThat(latency.max()).isBetween(999.0, 1001.0);
    assertThat(Latency.ofMicros(Latency.micros())).isEqualTo(Latency.NONE);
  }

  @Test
  void seriesCountsCompletionsPerSecondAfterTheOrigin() {
    Series series = new Series(0, 10);
    series.record(500_000_000L, 2_000);
    series.record(700_000_000L, 4_000);
    series.record(2_100_000_000L, 10_000);
    series.record(99_000_000_000L, 1); // past the end: ignored

    assertThat(series.points())
        .extracting(Series.Point::second, Series.Point::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0, 2L),
            org.assertj.core.groups.Tuple.tuple(1, 0L),
            org.assertj.core.groups.Tuple.tuple(2, 1L));
    assertThat(series.points().get(2).p99()).isEqualTo(10.0);
  }

  @Test
  void ratiosCompareTheWorkflowToEachBaseline() {
    Result.Phase intake = new Result.Phase(1000, 1000, Map.of(), 10, 600, Latency.NONE);
    Result.Phase bare = new Result.Phase(2000, 2000, Map.of(), 10, 1200, Latency.NONE);
    KafkaSide.ProducerPerf perf = new KafkaSide.ProducerPerf(1, 2, 24000, 1, 1, 1, 1, 1, 1, 1);

    Result.Ratios ratios = Result.Ratios.of(intake, bare, perf);

    assertThat(ratios.intakeToBareHttp()).isEqualTo(0.5);
    assertThat(ratios.intakeToProducerPerformance()).isEqualTo(0.025);
    assertThat(Result.Ratios.of(intake, null, null).intakeToBareHttp()).isNull();
  }

  @Test
  void readsTheResultLineOfProducerPerformance() {
    String line =
        "200000 records sent, 41297.5 records/sec (72.80 MB/sec), 312.45 ms avg latency,"
            + " 811.00 ms max latency, 290 ms 50th, 640 ms 95th, 760 ms 99th, 805 ms 99.9th.";

    KafkaSide.ProducerPerf perf = KafkaSide.parse(line, 1848).orElseThrow();

    assertThat(perf.records()).isEqualTo(200000);
    assertThat(perf.recordsPerSecond()).isEqualTo(41297.5);
    assertThat(perf.p99()).isEqualTo(760);
    assertThat(KafkaSide.parse("1000 records sent, 200.0 records/sec", 1)).isEmpty();
  }

  @Test
  void readsCpuTicksFromProcStat() {
    String stat =
        "4242 (java (x)) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1234 567 0 0 20 0 40 0 100 0 0";
    assertThat(ProcessSampler.parseCpuTicks(stat)).isEqualTo(1234 + 567);
  }

  static Result.Settings settings(String rate) {
    return new Result.Settings(
        rate, 60, 10, 256, 64, true, 1000, 2000, 33, 19, List.of("http://localhost:8082"), false);
  }

  /** A result with fixed figures and the given processes (shared with other report tests). */
  static Result result(List<ProcessSampler.Usage> processes) {
    Latency latency = new Latency(10, 5, 4, 6, 7, 9, 9.5, 12);
    return new Result(
        "2026-11-29T10:00:00Z",
        "bench-x",
        "bin/benchmark --rate 300",
        new Machine("0123456789abcdef", false, 2, 7936, "x", "Linux 6 amd64", "17"),
        new double[] {3.5, 3, 2},
        2,
        "headers",
        settings("300"),
        new Result.Phase(18000, 17990, Map.of("HTTP 503", 10L), 60, 299.8, latency),
        new Result.Approvals(17990, 3, Map.of(), latency),
        new Result.EndToEnd(17990, 0, 17990, latency),
        Map.of(
            "intake",
            new Steps.Result("intake (1 -> 2)", 17990, 0, 0, 240, 1800, 1950.5, 2200),
            "decisionToEdition",
            new Steps.Result(
                "decision written -> edition written (6 ts -> 7 ts)",
                17980,
                10,
                0,
                300,
                400,
                450,
                600)),
        new Result.Phase(18000, 18000, Map.of(), 60, 300, latency),
        12.5,
        new KafkaSide.ProducerPerf(200000, 2300, 40000, 80, 100, 300, 90, 200, 250, 290),
        2300,
        new Result.Ratios(0.999, 0.0075),
        processes,
        400,
        50,
        Map.of("intake", List.of(new Series.Point(0, 300, 4, 9))),
        "note");
  }

  @Test
  void writesTheResultAsJsonAndTheTableAndPlot(@TempDir Path dir) throws Exception {
    Result result = result(List.of(new ProcessSampler.Usage("broker", 1, 30, 50, 400, 390)));

    WorkflowBenchmark.write(dir, "20261129-100000", result);

    String json = Files.readString(dir.resolve("latest.json"));
    assertThat(json).contains("\"acceptedPerSecond\" : 299.8").contains("\"p99\" : 9.0");
    assertThat(dir.resolve("20261129-100000.png")).isNotEmptyFile();
    assertThat(Report.table(result))
        .contains("| accepted per second (201/s)")
        .contains("x0.999 bare")
        .contains("broker CPU % / RSS MiB")
        .contains("CPU ms per accepted")
        .contains("| step: intake (1 -> 2)")
        .contains("240 / 1800 / 1950.5 / 2200 ")
        .contains("300 / 400 / 450 / 600 (10 lack it)");
    assertThat(json).contains("\"steps\" : {").contains("\"decisionToEdition\" : {");
    assertThat(json).contains("\"targets\" : [");
  }

  @Test
  void theTargetsAreJudgedFromTheRunsFigures() {
    // 17,990 published at 300/s; the platform used 40 + 5 CPU seconds: 2.5 ms per contribution
    // (the inbox and the load generator are not the platform)
    Result result =
        result(
            List.of(
                new ProcessSampler.Usage("broker", 1, 40, 50, 400, 390),
                new ProcessSampler.Usage("portal", 2, 4.975, 5, 200, 190),
                new ProcessSampler.Usage("inbox", 3, 9, 5, 90, 80),
                new ProcessSampler.Usage(ProcessSampler.LOAD_GENERATOR, 4, 20, 30, 600, 500)));

    List<Targets.Target> targets = Targets.of(result);

    // at a set rate the intake and the bare endpoint both take that rate: no ratio target
    assertThat(targets)
        .extracting(Targets.Target::figure, Targets.Target::met)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2.5, false),
            org.assertj.core.groups.Tuple.tuple(9.0, true));
    assertThat(Targets.table(result))
        .contains("at most 1.5")
        .contains("MISSED")
        .contains("45.0 CPU s of 2 processes for 17990 published")
        .doesNotContain("intake / bare HTTP");
  }

  @Test
  void asFastAsTheIntakeTakesTheRatioIsJudgedAndTheEndToEndTargetIsNot() {
    Result at300 = result(List.of(new ProcessSampler.Usage("broker", 1, 1, 50, 400, 390)));
    Result atMax =
        new Result(
            at300.startedAt(),
            at300.runId(),
            at300.command(),
            at300.machine(),
            at300.loadAverageAtStart(),
            at300.cpus(),
            at300.actingWith(),
            settings("max"),
            at300.intake(),
            at300.approvals(),
            at300.endToEnd(),
            at300.steps(),
            at300.bareHttp(),
            at300.bareHttpJvmCpuSeconds(),
            at300.producerPerformance(),
            at300.contributionEventBytes(),
            at300.ratios(),
            at300.processes(),
            at300.stackRssMiB(),
            at300.stackCpuPercent(),
            at300.series(),
            at300.note());

    List<Targets.Target> targets = Targets.of(atMax);

    assertThat(targets.get(0).name()).isEqualTo("intake / bare HTTP (accepted per second)");
    assertThat(targets.get(0).figure()).isEqualTo(0.999);
    assertThat(targets.get(0).met()).isTrue();
    assertThat(Targets.table(atMax)).contains("|  0.999 |");
    Targets.Target endToEnd = targets.get(targets.size() - 1);
    assertThat(endToEnd.met()).isFalse();
    assertThat(endToEnd.note()).isEqualTo("measured at max/s, not at the target's rate");
  }
}
