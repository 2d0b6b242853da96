package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class ContributionsUrlsTest {

  @Test
  void oneInstanceOnTheLocalStackPortByDefault() {
    Options options = Options.parse("--rate", "max");
    assertThat(options.contributionsUrls()).containsExactly("http://localhost:8082");
    assertThat(options.contributionsUrl()).isEqualTo("http://localhost:8082");
  }

  @Test
  void theSingleUrlOptionStillWorks() {
    Options options = Options.parse("--contributions-url", "http://localhost:18082/");
    assertThat(options.contributionsUrls()).containsExactly("http://localhost:18082");
    assertThat(options.contributionsUrl()).isEqualTo("http://localhost:18082");
  }

  @Test
  void severalUrlsAreTakenInTheirOrderWithoutBlanksOrTrailingSlashes() {
    Options options =
        Options.parse(
            "--contributions-urls",
            " http://localhost:8082, http://localhost:8182/ ,,http://localhost:8282");
    assertThat(options.contributionsUrls())
        .containsExactly("http://localhost:8082", "http://localhost:8182", "http://localhost:8282");
    assertThat(options.contributionsUrl()).isEqualTo("http://localhost:8082");
    assertThat(Options.parse("--contributions-urls=http://a:1,http://b:2").contributionsUrls())
        .containsExactly("http://a:1", "http://b:2");
  }

  @Test
  void submissionsCarryNoIdempotencyKeyUnlessAsked() {
    assertThat(Options.parse("--rate", "max").idempotencyKeys()).isFalse();
    assertThat(Options.parse("--rate", "max", "--idempotency-keys").idempotencyKeys()).isTrue();
  }

  @Test
  void anEmptyListIsRefused() {
    assertThatThrownBy(() -> Options.parse("--contributions-urls", " , "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--contributions-urls needs at least one URL");
  }

  @Test
  void requestsGoToTheInstancesInTurn() {
    RoundRobin intake = new RoundRobin(List.of("http://a", "http://b", "http://c"));
    assertThat(List.of(intake.next(), intake.next(), intake.next(), intake.next(), intake.next()))
        .containsExactly("http://a", "http://b", "http://c", "http://a", "http://b");

    RoundRobin single = new RoundRobin(List.of("http://only"));
    assertThat(List.of(single.next(), single.next())).containsOnly("http://only");
    assertThatThrownBy(() -> new RoundRobin(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void concurrentCallersSpreadTheRequestsEvenly() throws Exception {
    RoundRobin intake = new RoundRobin(List.of("http://a", "http://b", "http://c"));
    Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 30_000; i++) {
      pool.execute(() -> counts.computeIfAbsent(intake.next(), k -> new LongAdder()).increment());
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    assertThat(counts).hasSize(3);
    counts.values().forEach(count -> assertThat(count.sum()).isEqualTo(10_000));
  }

  @Test
  void eachInstanceIsSampledAsItsOwnProcess() {
    Map<String, Integer> ports =
        WorkflowBenchmark.stackPorts(
            Options.parse("--contributions-urls", "http://localhost:8082,http://localhost:8182"));
    assertThat(ports)
        .containsEntry("contributions-service@8082", 8082)
        .containsEntry("contributions-service@8182", 8182)
        .doesNotContainKey("contributions-service");
    assertThat(WorkflowBenchmark.stackPorts(Options.parse()))
        .containsEntry("contributions-service", 8082);
  }
}
