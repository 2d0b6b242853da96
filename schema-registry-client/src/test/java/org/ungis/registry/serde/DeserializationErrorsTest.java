package org.ungis.registry.serde;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.client.MockSchemaRegistry;

class DeserializationErrorsTest {

  private final String scope = "errors-" + UUID.randomUUID();
  private final Map<String, Object> config =
      Map.of(
          AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
          MockSchemaRegistry.urlOf(scope),
          AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
          true);
  private final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();

  DeserializationErrorsTest() {
    deserializer.configure(config, false);
  }

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void anUnknownMagicByteIsRefusedNamingTheTopic() {
    byte[] json = "{\"title\":\"not avro\"}".getBytes();

    assertThatThrownBy(() -> deserializer.deserialize("ungis.letters.v1", json))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown magic byte 0x7b")
        .hasMessageContaining("ungis.letters.v1");
    assertThatThrownBy(() -> deserializer.deserialize("ungis.letters.v1", new byte[] {0, 0}))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("too short")
        .hasMessageContaining("ungis.letters.v1");
  }

  @Test
  void anUnknownSchemaIdIsRefusedNamingTopicAndId() {
    byte[] bytes = ByteBuffer.allocate(9).put((byte) 0).putInt(4242).putInt(7).array();

    assertThatThrownBy(() -> deserializer.deserialize("ungis.letters.v1", bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Unknown schema id 4242")
        .hasMessageContaining("ungis.letters.v1");
  }

  @Test
  void bytesThatDoNotDecodeAreRefusedNamingTopicAndId() {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    byte[] good = serializer.serialize("ungis.letters.v1", Greetings.greeting(1));
    byte[] truncated = Arrays.copyOf(good, 12);
    byte[] garbage = Arrays.copyOf(good, good.length);
    Arrays.fill(garbage, 5, garbage.length, (byte) 0xff);
    int id = WireFormat.schemaId(good);

    assertThatThrownBy(() -> deserializer.deserialize("ungis.letters.v1", truncated))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("ungis.letters.v1")
        .hasMessageContaining("schema id " + id);
    assertThatThrownBy(() -> deserializer.deserialize("ungis.letters.v1", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("ungis.letters.v1")
        .hasMessageContaining("schema id " + id);
  }
}
