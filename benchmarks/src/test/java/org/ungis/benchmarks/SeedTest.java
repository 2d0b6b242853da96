package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionSubmitted;

class SeedTest {

  @Test
  void seedTakesACountWithSuffixesAndSeparators() {
    assertThat(Options.parse("--seed", "1000000").seed()).isEqualTo(1_000_000);
    assertThat(Options.parse("--seed=1m").seed()).isEqualTo(1_000_000);
    assertThat(Options.parse("--seed", "100k").seed()).isEqualTo(100_000);
    assertThat(Options.parse("--seed", "1_000_000").seed()).isEqualTo(1_000_000);
    assertThat(Options.parse("--seed", "1,000,000").seed()).isEqualTo(1_000_000);
    assertThatThrownBy(() -> Options.parse("--seed", "0"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aLoadRunDoesNotSeedAndSeedingHasModestBodiesByDefault() {
    Options load = Options.parse("--rate", "max");
    assertThat(load.seed()).isZero();
    assertThat(load.seedBodyMin()).isEqualTo(300);
    assertThat(load.seedBodyMax()).isEqualTo(600);
    assertThat(load.seedTimeout()).isEqualTo(Duration.ofMinutes(60));

    Options seed =
        Options.parse(
            "--seed",
            "10k",
            "--seed-body-chars",
            "100-200",
            "--seed-timeout",
            "5m",
            "--entries-per-call",
            "500");
    assertThat(seed.seedBodyMin()).isEqualTo(100);
    assertThat(seed.seedBodyMax()).isEqualTo(200);
    assertThat(seed.seedTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(seed.entriesPerCall()).isEqualTo(500);
    assertThat(Options.parse("--seed-body-chars", "400").seedBodyMax()).isEqualTo(400);
    assertThatThrownBy(() -> Options.parse("--seed-body-chars", "600-300"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void bodiesLieInTheRangeVaryAndRepeatForTheSameIndex() {
    java.util.Set<Integer> lengths = new java.util.HashSet<>();
    for (long i = 0; i < 2_000; i++) {
      String body = Seed.body(i, 300, 600);
      assertThat(body.length()).isBetween(300, 600);
      assertThat(body).doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("\"");
      lengths.add(body.length());
    }
    assertThat(lengths).hasSizeGreaterThan(200);
    assertThat(Seed.body(42, 300, 600)).isEqualTo(Seed.body(42, 300, 600));
    assertThat(Seed.body(42, 300, 600)).isNotEqualTo(Seed.body(43, 300, 600));
  }

  @Test
  void aSeededEventIsASubmissionOfItsAgencyToItsCall() {
    String body = Seed.body(7, 300, 600);
    ContributionEvent event = Seed.event(7, "seed-x", "seed-x-0", "UNESCO", body);

    assertThat(event.getPayload()).isInstanceOf(ContributionSubmitted.class);
    assertThat(event.getAgency()).isEqualTo("UNESCO");
    assertThat(event.getActor().getAgency()).isEqualTo("UNESCO");
    assertThat(event.getProcessId()).isEqualTo("seed-x-0");
    assertThat(event.getRevision()).isEqualTo(1);
    assertThat(((ContributionSubmitted) event.getPayload()).getContent().getBody()).isEqualTo(body);
    assertThat(((ContributionSubmitted) event.getPayload()).getContent().getActionLines())
        .isNotEmpty()
        .doesNotHaveDuplicates();
    // Ids are distinct per index and stable per run.
    assertThat(event.getContributionId())
        .isEqualTo(Seed.event(7, "seed-x", "seed-x-0", "UNESCO", body).getContributionId())
        .isNotEqualTo(Seed.event(8, "seed-x", "seed-x-0", "UNESCO", body).getContributionId());
  }

  @Test
  void lagIsWhatTheGroupHasNotCommittedOfTheLoadersEnd() {
    TopicPartition p0 = new TopicPartition("t", 0);
    TopicPartition p1 = new TopicPartition("t", 1);
    Map<TopicPartition, Long> end = Map.of(p0, 100L, p1, 50L);

    assertThat(Seed.lag(end, Map.of(p0, new OffsetAndMetadata(90), p1, new OffsetAndMetadata(50))))
        .isEqualTo(10);
    assertThat(Seed.lag(end, Map.of(p0, new OffsetAndMetadata(100)))).isEqualTo(50);
    assertThat(Seed.lag(end, Map.of(p0, new OffsetAndMetadata(101), p1, new OffsetAndMetadata(50))))
        .isZero();
  }
}
