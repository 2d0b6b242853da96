package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Approvals can be spread over several review-service instances, as the intake over several. */
class ReviewUrlsTest {

  @Test
  void oneInstanceOnTheLocalStackPortByDefaultAndTheSingleUrlOptionStillWorks() {
    assertThat(Options.parse("--rate", "max").reviewUrls())
        .containsExactly("http://localhost:8083");
    Options one = Options.parse("--review-url", "http://localhost:18083/");
    assertThat(one.reviewUrls()).containsExactly("http://localhost:18083");
    assertThat(one.reviewUrl()).isEqualTo("http://localhost:18083");
  }

  @Test
  void severalInstancesAreSampledEachAndTheFirstOpensTheCalls() {
    Options options =
        Options.parse("--review-urls", "http://localhost:8083,http://localhost:8183/");
    assertThat(options.reviewUrls())
        .containsExactly("http://localhost:8083", "http://localhost:8183");
    assertThat(options.reviewUrl()).isEqualTo("http://localhost:8083");
    assertThat(WorkflowBenchmark.stackPorts(options))
        .containsEntry("review-service@8083", 8083)
        .containsEntry("review-service@8183", 8183)
        .doesNotContainKey("review-service");
  }
}
