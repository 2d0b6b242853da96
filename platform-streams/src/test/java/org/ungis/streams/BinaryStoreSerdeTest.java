package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class BinaryStoreSerdeTest {

  enum Kind {
    OPEN,
    CLOSED
  }

  record Part(String name, Instant at) {}

  record Watch(
      String processId,
      int count,
      boolean open,
      Instant deadline,
      UUID eventId,
      Kind kind,
      Part document,
      List<Part> parts) {}

  static final class WatchCodec implements BinaryStoreSerde.Codec<Watch> {
    @Override
    public void write(Watch watch, StoreWriter out) throws IOException {
      out.string(watch.processId());
      out.integer(watch.count());
      out.bool(watch.open());
      out.instant(watch.deadline());
      out.uuid(watch.eventId());
      out.enumeration(watch.kind());
      out.optional(watch.document(), WatchCodec::writePart);
      out.list(watch.parts(), WatchCodec::writePart);
    }

    @Override
    public Watch read(StoreReader in) throws IOException {
      return new Watch(
          in.string(),
          in.integer(),
          in.bool(),
          in.instant(),
          in.uuid(),
          in.enumeration(Kind.class),
          in.optional(WatchCodec::readPart),
          in.list(WatchCodec::readPart));
    }

    private static void writePart(Part part, StoreWriter out) throws IOException {
      out.string(part.name());
      out.instant(part.at());
    }

    private static Part readPart(StoreReader in) throws IOException {
      return new Part(in.string(), in.instant());
    }
  }

  final BinaryStoreSerde<Watch> serde = new BinaryStoreSerde<>(Watch.class, new WatchCodec());

  final Watch watch =
      new Watch(
          "wsis-20",
          -7,
          true,
          Instant.parse("2025-03-31T23:59:59.123456789Z"),
          UUID.fromString("7d1c1c1e-5a4e-4c43-9b5e-0a4f6f1d2c3b"),
          Kind.OPEN,
          new Part("مساهمة", Instant.EPOCH),
          List.of(new Part("信息社会", null), new Part(null, Instant.MIN)));

  Watch roundTrip(Watch value) {
    return serde.deserializer().deserialize("t", serde.serializer().serialize("t", value));
  }

  @Test
  void everyKindOfFieldRoundTrips() {
    assertThat(roundTrip(watch)).isEqualTo(watch);
  }

  @Test
  void nullFieldsRoundTripAndANullListReadsAsEmpty() {
    Watch empty = new Watch(null, 0, false, null, null, null, null, null);
    assertThat(roundTrip(empty))
        .isEqualTo(new Watch(null, 0, false, null, null, null, null, List.of()));
  }

  @Test
  void nullStaysNullSoThatATombstoneDeletes() {
    assertThat(serde.serializer().serialize("t", null)).isNull();
    assertThat(serde.deserializer().deserialize("t", null)).isNull();
  }

  @Test
  void aValueStartsWithTheFormatByteAndIsSmallerThanItsJson() {
    byte[] binary = serde.serializer().serialize("t", watch);
    byte[] json = new JsonSerde<>(Watch.class).serializer().serialize("t", watch);
    assertThat(binary[0]).isEqualTo(BinaryStoreSerde.FORMAT);
    assertThat(json[0]).isEqualTo((byte) '{');
    assertThat(binary.length).isLessThan(json.length / 2);
  }

  @Test
  void aValueWrittenAsJsonIsReadByTheJsonReader() {
    byte[] json = new JsonSerde<>(Watch.class).serializer().serialize("t", watch);
    assertThat(serde.deserializer().deserialize("t", json)).isEqualTo(watch);
  }

  @Test
  void anUnknownFormatByteIsASerializationException() {
    byte[] later = serde.serializer().serialize("t", watch);
    later[0] = 0x02;
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", later))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("unknown store format 2");
  }

  @Test
  void aTruncatedValueIsASerializationException() {
    byte[] whole = serde.serializer().serialize("t", watch);
    byte[] truncated = Arrays.copyOf(whole, whole.length - 3);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Watch");
  }

  @Test
  void bytesLeftAfterTheLastFieldAreASerializationException() {
    byte[] whole = serde.serializer().serialize("t", watch);
    byte[] longer = Arrays.copyOf(whole, whole.length + 1);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", longer))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("bytes left");
  }

  @Test
  void bytesThatAreNeitherFormatAreASerializationException() {
    byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> serde.deserializer().deserialize("t", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Watch");
  }
}
