package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.ungis.schemas.Topics;

/**
 * A topology configured by {@link StreamsDeadLetters#handOver}: what it cannot decode or process
 * lands on the catalogue topic's {@code .DLT} with the original bytes and headers and the cause,
 * and the stream goes on; what cannot be dead-lettered stops the stream instead of being dropped.
 */
class StreamsDeadLettersTest {

  /** Kafka's own in-memory producer: what the recoverer sends, in order. */
  final MockProducer<byte[], byte[]> letters =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  final List<Integer> taken = new ArrayList<>();
  volatile boolean registryDown;
  TopologyTestDriver driver;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    // Values are ints; -1 is refused by "the domain".
    for (String topic : List.of(Topics.REVIEWS.name(), "not.in.the.catalogue")) {
      builder.stream(topic, Consumed.with(Serdes.String(), Serdes.Integer())).foreach(this::take);
    }
    // A value whose decoding needs a registry, which may be away.
    Deserializer<Integer> needsRegistry =
        (topic, data) -> {
          if (registryDown) {
            throw new SerializationException(
                "Error retrieving schema id 4", new RetriableException("registry unreachable") {});
          }
          return ByteBuffer.wrap(data).getInt();
        };
    builder.stream(
            Topics.PROCESSES.name(),
            Consumed.with(
                Serdes.String(), Serdes.serdeFrom(Serdes.Integer().serializer(), needsRegistry)))
        .foreach(this::take);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "dead-letters-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    StreamsDeadLetters.handOver(
        props,
        StreamsDeadLetters.recoverer(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> letters))));
    driver = new TopologyTestDriver(builder.build(), props);
  }

  private void take(String key, Integer value) {
    if (value == -1) {
      throw new IllegalStateException("refused: " + key + " is unknown");
    }
    taken.add(value);
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private TestInputTopic<String, byte[]> raw(String topic) {
    return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
  }

  private static byte[] anInt(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  private static String text(ProducerRecord<byte[], byte[]> letter, String header) {
    return new String(letter.headers().lastHeader(header).value(), StandardCharsets.UTF_8);
  }

  @Test
  void anUndecodableRecordGoesToItsDeadLetterTopicWithItsBytesAndHeadersAndTheStreamGoesOn() {
    byte[] garbage = "not an int".getBytes(StandardCharsets.UTF_8);
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
    TestInputTopic<String, byte[]> reviews = raw(Topics.REVIEWS.name());
    reviews.pipeInput(new TestRecord<>("c-1", garbage, headers, 0L));
    reviews.pipeInput("c-2", anInt(7));

    assertThat(letters.history())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.topic()).isEqualTo("ungis.reviews.v1.DLT");
              assertThat(letter.key()).isEqualTo("c-1".getBytes(StandardCharsets.UTF_8));
              assertThat(letter.value()).isEqualTo(garbage);
              assertThat(text(letter, "traceparent")).isEqualTo("00-abc");
              assertThat(text(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                  .isEqualTo("ungis.reviews.v1");
              assertThat(
                      ByteBuffer.wrap(
                              letter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                          .getLong())
                  .isZero();
              assertThat(text(letter, KafkaHeaders.DLT_EXCEPTION_FQCN))
                  .isEqualTo("org.apache.kafka.common.errors.SerializationException");
            });
    assertThat(taken).containsExactly(7);
  }

  @Test
  void aRecordThatCannotBeDecodedForATransientReasonIsReadAgainNotDeadLettered() {
    registryDown = true;
    TestInputTopic<String, byte[]> processes = raw(Topics.PROCESSES.name());

    assertThatThrownBy(() -> processes.pipeInput("p-1", anInt(11)))
        .isInstanceOf(StreamsException.class)
        .rootCause()
        .isInstanceOf(RetriableException.class);
    assertThat(letters.history()).isEmpty();
    assertThat(taken).isEmpty();
    assertThat(
            DeadLetterDeserializationExceptionHandler.isTransient(
                new SerializationException("Unknown magic byte 0x7b")))
        .isFalse();
  }

  @Test
  void aRecordTheDomainRefusesGoesToItsDeadLetterTopicWithTheReasonAndTheStreamGoesOn() {
    TestInputTopic<String, byte[]> reviews = raw(Topics.REVIEWS.name());
    reviews.pipeInput("c-unknown", anInt(-1));
    reviews.pipeInput("c-3", anInt(3));

    assertThat(letters.history())
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.topic()).isEqualTo("ungis.reviews.v1.DLT");
              assertThat(letter.value()).isEqualTo(anInt(-1));
              assertThat(text(letter, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                  .contains("c-unknown is unknown");
              assertThat(text(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                  .isEqualTo("ungis.reviews.v1");
            });
    assertThat(taken).containsExactly(3);
  }

  @Test
  void aRecordThatCannotBeDeadLetteredStopsTheStreamRatherThanBeLost() {
    letters.sendException = new KafkaException("broker away");

    assertThatThrownBy(() -> raw(Topics.REVIEWS.name()).pipeInput("c-4", anInt(-1)))
        .isInstanceOf(KafkaException.class);
    assertThat(letters.history()).isEmpty();
  }

  @Test
  void aHeldRecordsLetterForASinkOfTheTopologyIsTheRecoverersLetterUnsent() {
    HeldRecord held =
        new HeldRecord(
            Topics.REVIEWS.name(),
            1,
            12L,
            1_700_000_000_000L,
            "c-5".getBytes(StandardCharsets.UTF_8),
            anInt(5),
            List.of(
                new HeldRecord.Header("traceparent", "00-def".getBytes(StandardCharsets.UTF_8))));
    IllegalStateException cause = new IllegalStateException("held too long");

    Record<byte[], byte[]> letter = held.deadLetter(cause, 42L);
    assertThat(letters.history()).isEmpty();
    assertThat(StreamsDeadLetters.letter(held.toConsumerRecord(), cause).topic())
        .isEqualTo("ungis.reviews.v1.DLT");

    StreamsDeadLetters.recoverer(new KafkaTemplate<>(new MockProducerFactory<>(() -> letters)))
        .accept(held.toConsumerRecord(), cause);
    ProducerRecord<byte[], byte[]> sent = letters.history().get(0);
    assertThat(letter.key()).isEqualTo(sent.key());
    assertThat(letter.value()).isEqualTo(sent.value());
    assertThat(letter.timestamp()).isEqualTo(42L);
    assertThat(letter.headers().toArray()).hasSameSizeAs(sent.headers().toArray());
    for (Header header : sent.headers()) {
      assertThat(letter.headers().lastHeader(header.key()).value())
          .as(header.key())
          .isEqualTo(header.value());
    }
    assertThat(text(sent, "traceparent")).isEqualTo("00-def");
    assertThat(text(sent, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("held too long");

    HeldRecord outside =
        new HeldRecord("not.in.the.catalogue", 0, 0L, 0L, null, anInt(1), List.of());
    assertThatThrownBy(() -> outside.deadLetter(cause, 0L)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void aRecordOfATopicOutsideTheCatalogueIsNotDroppedSilently() {
    assertThatThrownBy(() -> raw("not.in.the.catalogue").pipeInput("k", "garbage".getBytes()))
        .isInstanceOf(KafkaException.class);
    assertThat(letters.history()).isEmpty();
  }
}
