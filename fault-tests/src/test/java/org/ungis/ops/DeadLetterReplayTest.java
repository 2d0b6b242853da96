package org.ungis.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.ungis.ops.DeadLetterReplay.DeadLetter;
import org.ungis.ops.DeadLetterReplay.Options;

class DeadLetterReplayTest {

  @Test
  void readsTheOptionsAnOperatorGives() {
    Options options =
        Options.parse(
            "--bootstrap-servers",
            "kafka:9092",
            "--topic",
            "ungis.reviews.v1",
            "--dry-run",
            "--from-time",
            "2026-11-29T10:00:00Z",
            "--key",
            "k1",
            "--exception",
            "SerializationException");
    assertThat(options.deadLetterTopic()).isEqualTo("ungis.reviews.v1.DLT");
    assertThat(options.dryRun()).isTrue();
    assertThat(options.fromTime()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
    assertThat(options.allCopies()).isFalse();
    assertThat(Options.parse("--bootstrap-servers", "b", "--topic", "t.DLT").deadLetterTopic())
        .isEqualTo("t.DLT");
  }

  @Test
  void refusesIncompleteOrContradictoryOptions() {
    assertThatThrownBy(() -> Options.parse("--topic", "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bootstrap-servers");
    assertThatThrownBy(
            () ->
                Options.parse(
                    "--bootstrap-servers",
                    "b",
                    "--topic",
                    "t",
                    "--from-offset",
                    "3",
                    "--from-time",
                    "2026-11-29T10:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Options.parse("--bootstrap-servers", "b", "--topic"))
        .hasMessageContaining("needs a value");
    assertThatThrownBy(() -> Options.parse("--bootstrap-servers", "b", "--topic", "t", "--x"))
        .hasMessageContaining("unknown option --x");
  }

  @Test
  void aDeadLetterTellsWhereItCameFromAndMatchesTheFilters() {
    ConsumerRecord<byte[], byte[]> record =
        new ConsumerRecord<>(
            "ungis.reviews.v1.DLT",
            2,
            7L,
            "k1".getBytes(StandardCharsets.UTF_8),
            new byte[] {1, 2, 3});
    record.headers().add("kafka_dlt-original-topic", bytes("ungis.reviews.v1"));
    record.headers().add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(1).array());
    record.headers().add("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(42L).array());
    record
        .headers()
        .add(
            "kafka_dlt-exception-fqcn",
            bytes("org.apache.kafka.common.errors.SerializationException"));
    DeadLetter letter = new DeadLetter(record);

    assertThat(letter.origin()).contains("ungis.reviews.v1/1@42");
    assertThat(letter.describe())
        .contains("ungis.reviews.v1.DLT/2@7 key=k1 original=ungis.reviews.v1/1@42 bytes=3");
    assertThat(letter.matches(options("--key", "k1"))).isTrue();
    assertThat(letter.matches(options("--key", "k2"))).isFalse();
    assertThat(letter.matches(options("--exception", "SerializationException"))).isTrue();
    assertThat(letter.matches(options("--exception", "IllegalStateException"))).isFalse();
  }

  private static Options options(String... filter) {
    String[] args = new String[filter.length + 4];
    args[0] = "--bootstrap-servers";
    args[1] = "b";
    args[2] = "--topic";
    args[3] = "ungis.reviews.v1";
    System.arraycopy(filter, 0, args, 4, filter.length);
    return Options.parse(args);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
