package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.schemas.access.BrokerTls;

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
  void withTlsTheClientsListenerSpeaksSaslSslWithTheKeystoreOfItsTlsDirectory(@TempDir Path dir)
      throws Exception {
    LocalKafkaBroker.Settings settings =
        LocalKafkaBroker.Settings.fromArgs("--data-dir", dir.toString(), "--secured", "--tls");
    Files.createDirectories(settings.tlsDirectory());
    Files.writeString(settings.tlsDirectory().resolve(BrokerTls.KEYSTORE_PASSWORD), "keys");
    Files.writeString(settings.tlsDirectory().resolve(BrokerTls.TRUSTSTORE_PASSWORD), "trust\n");

    assertThat(LocalKafkaBroker.brokerProperties(settings))
        .containsEntry("listeners", "SASL_SSL://localhost:9092,CONTROLLER://localhost:9093")
        .containsEntry(
            "listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT")
        .containsEntry("inter.broker.listener.name", "SASL_SSL")
        .containsKey("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config")
        .containsEntry(
            "ssl.keystore.location", settings.tlsDirectory().resolve(BrokerTls.KEYSTORE).toString())
        .containsEntry("ssl.keystore.password", "keys")
        .containsEntry("ssl.truststore.password", "trust");
    assertThat(settings.clientTls().clientProperties())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry(
            "ssl.truststore.location",
            settings.tlsDirectory().resolve(BrokerTls.TRUSTSTORE).toString());
  }

  @Test
  void tlsWithoutSaslIsRefused() {
    assertThatThrownBy(() -> LocalKafkaBroker.Settings.fromArgs("--tls"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--secured");
  }

  @Test
  void anUnknownOptionIsRefusedWithTheUsage() {
    assertThatThrownBy(() -> LocalKafkaBroker.Settings.fromArgs("--bogus", "1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Usage");
  }
}
