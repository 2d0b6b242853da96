package org.ungis.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ungis.examples.subscriber.RecordsSubscriber.Options;

class OptionsTest {

  @Test
  void readsTheThreeOptionsInBothForms() {
    assertThat(
            Options.parse(
                "--bootstrap-servers",
                "localhost:9092",
                "--schema-registry-url=http://localhost:8081",
                "--out",
                "records"))
        .isEqualTo(new Options("localhost:9092", "http://localhost:8081", Path.of("records")));
  }

  @Test
  void signsInAsTheGivenPrincipalWithScram() {
    Options options =
        Options.parse(
            "--bootstrap-servers=b:9092",
            "--schema-registry-url=u",
            "--out=o",
            "--kafka-user",
            "records-reader",
            "--kafka-password=records-reader-secret");
    assertThat(options.signIn())
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"records-reader\" password=\"records-reader-secret\";");
    assertThat(
            Options.parse("--bootstrap-servers=b", "--schema-registry-url=u", "--out=o").signIn())
        .isEmpty();
  }

  @Test
  void signsInOverTlsTrustingTheGivenTruststore() {
    Options options =
        Options.parse(
            "--bootstrap-servers=kafka.example.org:9092",
            "--schema-registry-url=u",
            "--out=o",
            "--kafka-user=records-reader",
            "--kafka-password=secret",
            "--kafka-truststore",
            "/etc/ungis/truststore.p12",
            "--kafka-truststore-password=trust");
    assertThat(options.signIn())
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("ssl.truststore.type", "PKCS12")
        .containsEntry("ssl.truststore.location", "/etc/ungis/truststore.p12")
        .containsEntry("ssl.truststore.password", "trust")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Options.parse(
                    "--bootstrap-servers=b",
                    "--schema-registry-url=u",
                    "--out=o",
                    "--kafka-truststore=/etc/ungis/truststore.p12",
                    "--kafka-truststore-password=trust"))
        .withMessageContaining("--kafka-user");
  }

  @Test
  void refusesAUserWithoutAPassword() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Options.parse(
                    "--bootstrap-servers=b",
                    "--schema-registry-url=u",
                    "--out=o",
                    "--kafka-user=records-reader"))
        .withMessageContaining("--kafka-password");
  }

  @Test
  void refusesAMissingOrUnknownOption() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Options.parse("--bootstrap-servers", "b:9092", "--out", "x"))
        .withMessageContaining("--schema-registry-url");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                Options.parse(
                    "--bootstrap-servers=b", "--schema-registry-url=u", "--out=o", "--group=g"))
        .withMessageContaining("group");
  }
}
