package org.ungis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class MachineTest {

  @Test
  void theCurrentMachineNamesItsCoresMemoryJavaAndACommit() {
    Machine machine = Machine.current();

    assertThat(machine.cores()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(machine.memoryMiB()).isPositive();
    assertThat(machine.java()).startsWith(System.getProperty("java.version").split("\\.")[0]);
    assertThat(machine.commit()).matches("unknown|[0-9a-f]{40,64}");
  }

  @Test
  void theCpuModelIsTheFirstModelNameOfCpuinfo(@TempDir Path dir) throws Exception {
    Path cpuinfo = dir.resolve("cpuinfo");
    Files.write(
        cpuinfo,
        List.of(
            "processor\t: 0",
            "model name\t: AMD EPYC 7B13",
            "processor\t: 1",
            "model name\t: other"));

    assertThat(Machine.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13");
    assertThat(Machine.cpuModel(dir.resolve("missing"))).isNull();
  }

  @Test
  void aResultsFileCarriesTheMachineAndTheCommit() {
    String json =
        JsonMapper.builder().build().writeValueAsString(LatencyAndReportTest.result(List.of()));

    assertThat(json)
        .contains("\"machine\":{\"commit\":\"0123456789abcdef\"")
        .contains("\"memoryMiB\":7936");
  }
}
