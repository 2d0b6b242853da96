package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

  /** Counts the values it decodes. */
  static final class CountingCodec implements BinaryStoreSerde.Codec<Watch> {
    final WatchCodec codec = new WatchCodec();
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public void write(Watch value, StoreWriter out) throws IOException {
      codec.write(value, out);
    }

    @Override
    public Watch read(StoreReader in) throws IOException {
      reads.incrementAndGet();
      return codec.read(in);
    }
  }

  static Watch counted(Watch watch, int count) {
    return changed(watch, watch.processId(), count);
  }

  static Watch changed(Watch watch, String processId, int count) {
    return new Watch(
        processId,
        count,
        watch.open(),
        watch.deadline(),
        watch.eventId(),
        watch.kind(),
        watch.document(),
        watch.parts());
  }

  @Test
  void aCachedSerdeDecodesEachDistinctValueOnceAndKeepsWhatItWrites() {
    CountingCodec codec = new CountingCodec();
    var cached = new BinaryStoreSerde<>(Watch.class, codec).decodedCache(16);
    byte[] written = cached.serializer().serialize("t", watch);

    assertThat(cached.deserializer().deserialize("t", written)).isSameAs(watch);
    assertThat(cached.deserializer().deserialize("t", written.clone())).isSameAs(watch);
    assertThat(codec.reads).hasValue(0);

    byte[] elsewhere = serde.serializer().serialize("t", counted(watch, 8)); // e.g. a restore
    Watch first = cached.deserializer().deserialize("t", elsewhere);
    assertThat(first).isEqualTo(counted(watch, 8));
    assertThat(cached.deserializer().deserialize("t", elsewhere.clone())).isSameAs(first);
    assertThat(codec.reads).hasValue(1);
  }

  @Test
  void aNewerValueOfTheSameKeyIsReadAsItIsNeverAsTheOneBefore() {
    var cached = new BinaryStoreSerde<>(Watch.class, new WatchCodec()).decodedCache(1);
    for (int count = 0; count < 50; count++) {
      Watch next = counted(watch, count);
      byte[] bytes = serde.serializer().serialize("t", next); // written by the fold elsewhere
      assertThat(cached.deserializer().deserialize("t", bytes)).isEqualTo(next);
      assertThat(cached.deserializer().deserialize("t", bytes)).isEqualTo(next);
    }
  }

  @Test
  void changingTheBytesOnceReadChangesNothingInTheCache() {
    var cached = new BinaryStoreSerde<>(Watch.class, new WatchCodec()).decodedCache(4);
    byte[] bytes = serde.serializer().serialize("t", watch);
    byte[] same = bytes.clone();
    assertThat(cached.deserializer().deserialize("t", bytes)).isEqualTo(watch);
    Watch renamed = changed(watch, "xsis-20", watch.count());
    byte[] other = serde.serializer().serialize("t", renamed);
    int first = Arrays.mismatch(bytes, other);
    bytes[first] = other[first]; // now the bytes of the renamed value, in the same array
    assertThat(cached.deserializer().deserialize("t", same)).isEqualTo(watch);
    assertThat(cached.deserializer().deserialize("t", bytes)).isEqualTo(renamed);
  }

  @Test
  void readersOnSeveralThreadsEachGetTheValueOfTheBytesTheyRead() throws Exception {
    var cached = new BinaryStoreSerde<>(Watch.class, new WatchCodec()).decodedCache(2);
    List<Watch> values = new ArrayList<>();
    List<byte[]> bytes = new ArrayList<>();
    for (int count = 0; count < 16; count++) {
      values.add(counted(watch, count));
      bytes.add(serde.serializer().serialize("t", values.get(count)));
    }
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int seed = t;
        wrong.add(
            threads.submit(
                () -> {
                  int mismatches = 0;
                  for (int i = 0; i < 20_000; i++) {
                    int n = (i * 7 + seed * 5) % values.size();
                    if (i % 3 == 0) {
                      cached.serializer().serialize("t", values.get(n));
                    } else if (!cached
                        .deserializer()
                        .deserialize("t", bytes.get(n).clone())
                        .equals(values.get(n))) {
                      mismatches++;
                    }
                  }
                  return mismatches;
                }));
      }
      for (Future<Integer> result : wrong) {
        assertThat(result.get(1, TimeUnit.MINUTES)).isZero();
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aCacheNeedsAnEntry() {
    assertThatThrownBy(() -> serde.decodedCache(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
