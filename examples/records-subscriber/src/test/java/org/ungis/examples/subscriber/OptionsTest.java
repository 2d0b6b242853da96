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
  }

  @Test
  void refusesASignInThatLacksAPart() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withRequiredOptions("--kafka-user=records-reader"))
        .withMessageContaining("--kafka-password");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                withRequiredOptions(
                    "--kafka-truststore=/etc/ungis/truststore.p12",
                    "--kafka-truststore-password=trust"))
        .withMessageContaining("--kafka-user");
  }

  /** The three options every run needs, then these. */
  private static Options withRequiredOptions(String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "--bootstrap-servers=b";
    args[1] = "--schema-registry-url=u";
    args[2] = "--out=o";
    System.arraycopy(more, 0, args, 3, more.length);
    return Options.parse(args);
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
