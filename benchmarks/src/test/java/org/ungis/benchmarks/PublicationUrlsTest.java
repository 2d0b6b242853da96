package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PublicationUrlsTest {

  @Test
  void oneInstanceOnTheLocalStackPortByDefault() {
    Options options = Options.parse();
    assertThat(options.publicationUrls()).containsExactly("http://localhost:8084");
    assertThat(WorkflowBenchmark.stackPorts(options))
        .containsEntry("publication-service", 8084)
        .doesNotContainKey("publication-service@8084");
  }

  @Test
  void theSingleUrlOptionNamesTheInstanceOfAStackOnOtherPorts() {
    Options options = Options.parse("--publication-url", "http://localhost:9084/");
    assertThat(options.publicationUrls()).containsExactly("http://localhost:9084");
    assertThat(WorkflowBenchmark.stackPorts(options)).containsEntry("publication-service", 9084);
  }

  @Test
  void eachOfSeveralInstancesIsSampledAsItsOwnProcess() {
    Options options =
        Options.parse(
            "--publication-urls",
            "http://localhost:8084, http://localhost:8184/,http://localhost:8284");
    assertThat(options.publicationUrls())
        .containsExactly("http://localhost:8084", "http://localhost:8184", "http://localhost:8284");
    assertThat(WorkflowBenchmark.stackPorts(options))
        .containsEntry("publication-service@8084", 8084)
        .containsEntry("publication-service@8184", 8184)
        .containsEntry("publication-service@8284", 8284)
        .doesNotContainKey("publication-service");
    assertThat(Options.parse("--publication-urls=http://a:1,http://b:2").publicationUrls())
        .containsExactly("http://a:1", "http://b:2");
  }

  @Test
  void severalInstancesOfBothScaledServicesAtAPortOffset() {
    Map<String, Integer> ports =
        WorkflowBenchmark.stackPorts(
            Options.parse(
                "--bootstrap-servers", "localhost:10092",
                "--registry-url", "http://localhost:9081",
                "--contributions-urls", "http://localhost:9082,http://localhost:9182",
                "--review-url", "http://localhost:9083",
                "--publication-urls", "http://localhost:9084,http://localhost:9184",
                "--auth-url", "http://localhost:10000"));
    assertThat(ports)
        .containsExactly(
            Map.entry("broker", 10092),
            Map.entry("schema-registry", 9081),
            Map.entry("contributions-service@9082", 9082),
            Map.entry("contributions-service@9182", 9182),
            Map.entry("review-service", 9083),
            Map.entry("publication-service@9084", 9084),
            Map.entry("publication-service@9184", 9184),
            Map.entry("auth-server", 10000),
            Map.entry("notification-service", 9085),
            Map.entry("inbox", 9025),
            Map.entry("gateway", 9000),
            Map.entry("portal", 9080));
  }

  @Test
  void anEmptyListIsRefused() {
    assertThatThrownBy(() -> Options.parse("--publication-urls", ","))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--publication-urls needs at least one URL");
  }

  @Test
  void theProcessOfAnInstanceIsFoundByItsExecJarAndPort() {
    // "publication-service@8184" is looked up as the publication-service exec jar with
    // --server.port=8184; no such process runs during the unit tests.
    assertThat(ProcessSampler.find("publication-service@1", 1)).isEmpty();
  }

  @Test
  void cpuPerPublishedSumsEveryPublicationInstance() {
    List<ProcessSampler.Usage> usage =
        List.of(
            new ProcessSampler.Usage("contributions-service", 1, 9, 20, 400, 400),
            new ProcessSampler.Usage("publication-service@8084", 2, 3, 10, 400, 400),
            new ProcessSampler.Usage("publication-service@8184", 3, 1.5, 5, 300, 300),
            new ProcessSampler.Usage("publication-service-old", 4, 100, 5, 300, 300));
    Result result = LatencyAndReportTest.result(usage);
    assertThat(Report.cpuSeconds(result, "publication-service")).isEqualTo(4.5);
    assertThat(Report.cpuSeconds(result, "contributions-service")).isEqualTo(9.0);
    assertThat(Report.table(result))
        .contains("publication-service@8184 CPU % / RSS MiB")
        .contains("| CPU ms per published (publication JVMs)");
  }
}
