package org.ungis.benchmarks;

import java.util.List;
import java.util.Map;

/** Everything one benchmark run measured; written as JSON and printed as a table. */
record Result(
    String startedAt,
    String runId,
    String command,
    Machine machine,
    double[] loadAverageAtStart,
    int cpus,
    String actingWith,
    Settings settings,
    Phase intake,
    Approvals approvals,
    EndToEnd endToEnd,
    Map<String, Steps.Result> steps,
    Phase bareHttp,
    Double bareHttpJvmCpuSeconds,
    KafkaSide.ProducerPerf producerPerformance,
    double contributionEventBytes,
    Ratios ratios,
    List<ProcessSampler.Usage> processes,
    double stackRssMiB,
    double stackCpuPercent,
    Map<String, List<Series.Point>> series,
    String note) {

  /** The targets this run measures, with its figures and verdicts (written to the JSON too). */
  @com.fasterxml.jackson.annotation.JsonProperty("targets")
  public List<Targets.Target> targets() {
    return Targets.of(this);
  }

  /** The load settings of the run. */
  record Settings(
      String rate,
      double durationSeconds,
      double warmupSeconds,
      int concurrency,
      int approvalConcurrency,
      boolean approve,
      int entriesPerCall,
      int bodyChars,
      int agencies,
      int calls,
      List<String> contributionsUrls,
      boolean idempotencyKeys) {}

  /** One phase of HTTP load: how many were sent and accepted, throughput, latency. */
  record Phase(
      long sent,
      long accepted,
      Map<String, Long> failures,
      double seconds,
      double acceptedPerSecond,
      Latency latency) {

    static Phase of(LoadGenerator.Run run) {
      Latency latency;
      synchronized (run.latency) {
        latency = Latency.ofMicros(run.latency);
      }
      return new Phase(
          run.sent.sum(),
          run.accepted.sum(),
          run.failureCounts(),
          Math.round(run.seconds * 10) / 10.0,
          Math.round(run.throughput() * 10) / 10.0,
          latency);
    }
  }

  /**
   * Approvals: from the submission's 201 to the decision's 201.
   *
   * @param retried approvals that needed more than one attempt (their round trip includes the 200
   *     ms waits between attempts)
   */
  record Approvals(long approved, long retried, Map<String, Long> failures, Latency latency) {}

  /** From the intended send time of the POST to the consumed manifest that lists it. */
  record EndToEnd(long published, long notPublished, long editionsSeen, Latency latency) {}

  /** The workflow's intake throughput over each baseline's (null when not measured). */
  record Ratios(Double intakeToBareHttp, Double intakeToProducerPerformance) {

    static Ratios of(Phase intake, Phase bare, KafkaSide.ProducerPerf perf) {
      return new Ratios(
          bare == null || bare.acceptedPerSecond() == 0
              ? null
              : round3(intake.acceptedPerSecond() / bare.acceptedPerSecond()),
          perf == null || perf.recordsPerSecond() == 0
              ? null
              : round3(intake.acceptedPerSecond() / perf.recordsPerSecond()));
    }

    private static double round3(double v) {
      return Math.round(v * 1000) / 1000.0;
    }
  }
}
