package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerSettingsTest {

  private final Path dataDir = Path.of("target", "settings-test");

  @Test
  void settingsComeFromArgumentsWithDefaults() {
    LocalKafkaBroker.Settings settings =
        LocalKafkaBroker.Settings.fromArgs(
            "--data-dir", dataDir.toString(), "--port=29092", "--override", "num.io.threads=2");

    assertThat(settings.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
    assertThat(settings.port()).isEqualTo(29092);
    assertThat(settings.controllerPort()).isEqualTo(9093);
    assertThat(LocalKafkaBroker.brokerProperties(settings))
        .containsEntry("num.io.threads", "2")
        .containsEntry("offsets.topic.replication.factor", "1")
        .containsEntry("group.initial.rebalance.delay.ms", "0")
        .containsEntry("auto.create.topics.enable", "false")
        .containsEntry("log.retention.ms", "-1")
        .containsEntry("listeners", "PLAINTEXT://localhost:29092,CONTROLLER://localhost:9093");
  }

  @Test
  void anUnknownOptionIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> LocalKafkaBroker.Settings.fromArgs("--bogus", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Usage");
  }
}
