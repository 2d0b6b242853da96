package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

  record Watch(String processId, Instant deadline, List<String> agencies) {}

  final JsonSerde<Watch> serde = new JsonSerde<>(Watch.class);

  @Test
  void aValueRoundTrips() {
    Watch watch = new Watch("gdc-2023", Instant.parse("2023-03-31T23:59:59Z"), List.of("FAO"));
    byte[] bytes = serde.serializer().serialize("store-changelog", watch);
    assertThat(serde.deserializer().deserialize("store-changelog", bytes)).isEqualTo(watch);
  }

  @Test
  void nullStaysNullSoThatATombstoneDeletes() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void aPropertyWrittenByANewerVersionIsIgnored() {
    byte[] newer =
        "{\"processId\":\"igf-2026\",\"agencies\":[],\"addedLater\":1}"
            .getBytes(StandardCharsets.UTF_8);
    assertThat(serde.deserializer().deserialize("t", newer))
        .isEqualTo(new Watch("igf-2026", null, List.of()));
  }

  @Test
  void bytesThatAreNotJsonAreASerializationException() {
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Watch");
  }
}
