package org.ungis.registry.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.registry.client.MockSchemaRegistry;
import org.ungis.registry.client.SchemaRegistryException;
import org.ungis.registry.testing.Greeting;

class SchemaEvolutionTest {

  private final String scope = "evolution-" + UUID.randomUUID();
  private final Map<String, Object> config =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, MockSchemaRegistry.urlOf(scope));
  private final KafkaAvroSerializer serializer = new KafkaAvroSerializer();

  SchemaEvolutionTest() {
    serializer.configure(config, false);
  }

  @AfterEach
  void dropScope() {
    MockSchemaRegistry.dropScope(scope);
  }

  @Test
  void aNewReaderReadsAnOldWritersRecordWithTheNewFieldsDefault() {
    Greeting old = Greetings.greeting(5);
    byte[] bytes = serializer.serialize("letters", old);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);

    GenericRecord read = (GenericRecord) deserializer.deserialize("letters", bytes, Greetings.v2());

    assertThat(read.getSchema()).isEqualTo(Greetings.v2());
    assertThat(read.get("audience")).isNull();
    assertThat(read.get("text").toString()).isEqualTo(old.getText());
  }

  @Test
  void anOldSpecificReaderReadsANewWritersRecordIgnoringTheNewField() {
    serializer.serialize("letters", Greetings.greeting(1));
    GenericRecord v2 = Greetings.v2Record(Greetings.greeting(6), "UNGIS members");
    byte[] bytes = serializer.serialize("letters", v2);
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
            MockSchemaRegistry.urlOf(scope),
            AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG,
            true),
        false);

    Object read = deserializer.deserialize("letters", bytes);

    assertThat(read).isEqualTo(Greetings.greeting(6));
    assertThat(MockSchemaRegistry.getClientForScope(scope).getLatestSchemaMetadata("letters-value"))
        .satisfies(latest -> assertThat(latest.version()).isEqualTo(2));
  }

  @Test
  void aBreakingChangeIsRefusedBeforeAnythingIsWritten() {
    serializer.serialize("letters", Greetings.greeting(1));
    GenericRecord breaking = new GenericData.Record(Greetings.v3Breaking());

    assertThatThrownBy(() -> serializer.serialize("letters", breaking))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("letters-value")
        .hasMessageContaining("priority")
        .cause()
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
  }

  @Test
  void useLatestVersionWritesWithTheRegisteredSchemaWithoutRegistering() {
    serializer.serialize("letters", Greetings.v2Record(Greetings.greeting(1), "all"));
    KafkaAvroSerializer latest = new KafkaAvroSerializer();
    latest.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
            MockSchemaRegistry.urlOf(scope),
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            false,
            AvroSerdeConfig.USE_LATEST_VERSION,
            true),
        false);
    GenericRecord v2 = Greetings.v2Record(Greetings.greeting(2), "chair");

    byte[] bytes = latest.serialize("letters", v2);

    assertThat(WireFormat.schemaId(bytes))
        .isEqualTo(
            MockSchemaRegistry.getClientForScope(scope)
                .getLatestSchemaMetadata("letters-value")
                .id());
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);
    assertThat(((GenericRecord) deserializer.deserialize("letters", bytes)).get("audience"))
        .hasToString("chair");
  }

  @Test
  void withoutAutoRegistrationAnUnregisteredSchemaIsRefused() {
    KafkaAvroSerializer strict = new KafkaAvroSerializer();
    strict.configure(
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
            MockSchemaRegistry.urlOf(scope),
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            "false"),
        false);

    assertThatThrownBy(() -> strict.serialize("letters", Greetings.greeting(1)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("letters-value");
  }
}
