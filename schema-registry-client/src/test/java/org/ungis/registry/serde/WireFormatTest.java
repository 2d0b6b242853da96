package org.ungis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.registry.testing.Greeting;

class WireFormatTest {

  private final String scope = "wire-" + UUID.randomUUID();
  private final Map<String, Object> config =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, MockSchemaRegistry.urlOf(scope));

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void writesMagicByteThenBigEndianSchemaIdThenAvroBinary() throws IOException {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    Greeting greeting = Greetings.greeting(7);

    byte[] bytes = serializer.serialize("greetings", greeting);

    int id =
        MockSchemaRegistry.getClientForScope(scope).getLatestSchemaMetadata("greetings-value").id();
    assertThat(bytes[0]).isEqualTo((byte) 0x00);
    assertThat(Arrays.copyOfRange(bytes, 1, 5))
        .containsExactly(ByteBuffer.allocate(4).putInt(id).array());
    assertThat(WireFormat.schemaId(bytes)).isEqualTo(id);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(greeting));
  }

  @Test
  void readsSpecificRecordsBackWithStringsInstantsAndUuids() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
            MockSchemaRegistry.urlOf(scope),
            AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
            "true"),
        false);
    Greeting greeting = Greetings.greeting(1);

    Object read =
        deserializer.deserialize("greetings", serializer.serialize("greetings", greeting));

    assertThat(read).isInstanceOf(Greeting.class).isEqualTo(greeting);
    Greeting back = (Greeting) read;
    assertThat(back.getText()).isInstanceOf(String.class);
    assertThat(back.getSentAt()).isEqualTo(greeting.getSentAt());
    assertThat(back.getId()).isEqualTo(greeting.getId());
  }

  @Test
  void readsGenericRecordsByDefault() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);
    Greeting greeting = Greetings.greeting(2);

    Object read =
        deserializer.deserialize("greetings", serializer.serialize("greetings", greeting));

    assertThat(read).isInstanceOf(GenericRecord.class).isNotInstanceOf(Greeting.class);
    GenericRecord record = (GenericRecord) read;
    assertThat(record.get("sender").toString()).isEqualTo("ITU");
    assertThat(record.get("sentAt")).isEqualTo(greeting.getSentAt().toEpochMilli());
    assertThat(record.get("id").toString()).isEqualTo(greeting.getId().toString());
  }

  @Test
  void genericSerdeRoundTripsAGenericRecord() {
    Greeting greeting = Greetings.greeting(3);
    GenericRecord record = Greetings.v2Record(greeting, "UNGIS");
    try (GenericAvroSerde serde = new GenericAvroSerde()) {
      serde.configure(config, false);

      GenericRecord back =
          serde
              .deserializer()
              .deserialize("letters", serde.serializer().serialize("letters", record));

      assertThat(back.get("audience").toString()).isEqualTo("UNGIS");
      assertThat(back.get("text").toString()).isEqualTo(greeting.getText());
      assertThat(GenericData.get().compare(back, record, Greetings.v2())).isZero();
    }
  }

  @Test
  void specificSerdeRoundTripsWithHeadersAndByteBuffers() {
    try (SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>()) {
      serde.configure(config, false);
      Greeting greeting = Greetings.greeting(4);
      byte[] bytes = serde.serializer().serialize("greetings", new RecordHeaders(), greeting);

      Greeting fromBytes =
          serde.deserializer().deserialize("greetings", new RecordHeaders(), bytes);
      ByteBuffer slice = ByteBuffer.allocate(bytes.length + 3).position(3).put(bytes).flip();
      slice.position(3);
      Greeting fromBuffer = serde.deserializer().deserialize("greetings", null, slice);

      assertThat(fromBytes).isEqualTo(greeting);
      assertThat(fromBuffer).isEqualTo(greeting);
    }
  }

  @Test
  void nullIsATombstoneBothWays() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);

    assertThat(serializer.serialize("greetings", null)).isNull();
    assertThat(deserializer.deserialize("greetings", (byte[]) null)).isNull();
    assertThat(deserializer.deserialize("greetings", null, (ByteBuffer) null)).isNull();
  }

  @Test
  void primitivesRoundTripUnderTheirOwnSchemas() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, true);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, true);

    for (Object value : new Object[] {"gdc-2023", 42, 42L, 1.5f, 2.5d, true}) {
      byte[] bytes = serializer.serialize("keys-" + value.getClass().getSimpleName(), value);
      assertThat(deserializer.deserialize("keys", bytes)).isEqualTo(value);
    }
    byte[] raw = {1, 2, 3};
    byte[] bytes = serializer.serialize("keys-bytes", raw);
    assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).containsExactly(1, 2, 3);
    assertThat(deserializer.deserialize("keys-bytes", bytes)).isEqualTo(raw);
  }

  private static byte[] avroBinary(Greeting greeting) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new SpecificDatumWriter<Greeting>(
            Greeting.getClassSchema(), SpecificData.getForClass(Greeting.class))
        .write(greeting, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  @Test
  void aGivenClientNeedsNoUrlButAConfiguredOneDoes() {
    KafkaAvroSerializer withClient =
        new KafkaAvroSerializer(MockSchemaRegistry.getClientForScope(scope), Map.of());
    assertThat(WireFormat.schemaId(withClient.serialize("greetings", Greetings.greeting(1))))
        .isPositive();

    KafkaAvroDeserializer withoutUrl = new KafkaAvroDeserializer();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> withoutUrl.configure(Map.of(), false))
        .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
        .hasMessageContaining("schema.registry.url");
  }

  @Test
  void aSerdeReconfiguredWithOtherPropertiesKeepsItsEarlierOnes() {
    try (SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>()) {
      serde.configure(config, false);
      // Spring's producer factory configures a given serializer with the producer's properties.
      serde.serializer().configure(Map.of("bootstrap.servers", "localhost:9092"), false);

      byte[] bytes = serde.serializer().serialize("greetings", Greetings.greeting(9));

      assertThat(serde.deserializer().deserialize("greetings", bytes))
          .isEqualTo(Greetings.greeting(9));
    }
  }
}
