package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

class HeldRecordTest {

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSourcedValueKeepsTheBytesItWasReadFromAndAFailureToDecodeIsTheInnerOne() {
    Deserializer<Integer> strict =
        (topic, data) -> {
          throw new SerializationException("not a number");
        };
    Serde<Sourced<String>> serde = Sourced.serde(Serdes.String());

    Sourced<String> read = serde.deserializer().deserialize("t", new RecordHeaders(), bytes("x"));

    assertThat(read.value()).isEqualTo("x");
    assertThat(read.bytes()).isEqualTo(bytes("x"));
    assertThat(serde.serializer().serialize("t", read)).isEqualTo(bytes("x"));
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
    assertThatThrownBy(
            () ->
                Sourced.serde(Serdes.serdeFrom(Serdes.Integer().serializer(), strict))
                    .deserializer()
                    .deserialize("t", new RecordHeaders(), bytes("x")))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void aHeldRecordIsStoredAsJsonAndGivenBackAsItWasOnItsTopic() {
    HeldRecord held =
        new HeldRecord(
            "ungis.reviews.v1",
            2,
            41L,
            1_700_000_000_000L,
            bytes("c-1"),
            new byte[] {0, 0, 0, 0, 7, 1, 2},
            List.of(new HeldRecord.Header("trace", bytes("t-1"))));
    JsonSerde<HeldRecord> serde = new JsonSerde<>(HeldRecord.class);

    var original =
        serde
            .deserializer()
            .deserialize("s", serde.serializer().serialize("s", held))
            .toConsumerRecord();

    assertThat(original.topic()).isEqualTo("ungis.reviews.v1");
    assertThat(original.partition()).isEqualTo(2);
    assertThat(original.offset()).isEqualTo(41L);
    assertThat(original.timestamp()).isEqualTo(1_700_000_000_000L);
    assertThat(original.key()).isEqualTo(bytes("c-1"));
    assertThat(original.value()).isEqualTo(new byte[] {0, 0, 0, 0, 7, 1, 2});
    assertThat(original.headers().lastHeader("trace").value()).isEqualTo(bytes("t-1"));
  }
}
