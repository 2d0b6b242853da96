package org.ungis.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ungis.registry.client.RestSchemaRegistryClient;
import org.ungis.registry.client.SchemaRegistryException;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.Greetings;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.testing.Greeting;

/** Schema evolution through the real registry (BACKWARD by default) and a real broker. */
@ExtendWith(KafkaAndRegistry.class)
class SchemaEvolutionIT {

  private static final String TOPIC = "it.evolution.v1";

  @Test
  void aNewOptionalFieldKeepsOldAndNewReadersWorking() {
    try (KafkaProducer<String, Object> v1Producer =
            KafkaAndRegistry.producer(new KafkaAvroSerializer(), KafkaAndRegistry.serdeConfig());
        KafkaProducer<String, Object> v2Producer =
            KafkaAndRegistry.producer(new KafkaAvroSerializer(), KafkaAndRegistry.serdeConfig())) {
      v1Producer.send(new ProducerRecord<>(TOPIC, "old", Greetings.greeting(1)));
      v1Producer.flush();
      v2Producer.send(
          new ProducerRecord<>(TOPIC, "new", Greetings.v2Record(Greetings.greeting(2), "all")));
    }
    RestSchemaRegistryClient registry =
        new RestSchemaRegistryClient(KafkaAndRegistry.serdeConfig());
    assertThat(registry.getLatestSchemaMetadata(TOPIC + "-value").version()).isEqualTo(2);

    // The old reader: the generated v1 class.
    try (KafkaConsumer<String, Object> v1Reader =
        KafkaAndRegistry.consumer(
            new KafkaAvroDeserializer(),
            KafkaAndRegistry.serdeConfig(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true))) {
      assertThat(KafkaAndRegistry.consume(v1Reader, TOPIC, 2))
          .extracting(ConsumerRecord::value)
          .containsExactly(Greetings.greeting(1), Greetings.greeting(2));
    }

    // The new reader: the v2 schema, reading both records.
    KafkaAvroDeserializer v2Reader = new KafkaAvroDeserializer();
    v2Reader.configure(KafkaAndRegistry.serdeConfig(), false);
    try (KafkaConsumer<String, byte[]> raw =
        KafkaAndRegistry.consumer(new ByteArrayDeserializer(), KafkaAndRegistry.serdeConfig())) {
      List<GenericRecord> read =
          KafkaAndRegistry.consume(raw, TOPIC, 2).stream()
              .map(r -> (GenericRecord) v2Reader.deserialize(TOPIC, r.value(), Greetings.v2()))
              .toList();
      assertThat(read.get(0).get("audience")).as("default for the old record").isNull();
      assertThat(read.get(0).get("text")).hasToString(Greetings.greeting(1).getText());
      assertThat(read.get(1).get("audience")).hasToString("all");
    }
  }

  @Test
  void aBreakingChangeIsRefusedWith409NamingTheField() {
    String subject = "it.breaking.v1-value";
    RestSchemaRegistryClient registry =
        new RestSchemaRegistryClient(KafkaAndRegistry.serdeConfig());
    registry.register(subject, Greeting.getClassSchema());

    assertThatThrownBy(() -> registry.register(subject, Greetings.v3Breaking()))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(409);
            })
        .hasMessageContaining("priority");

    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(KafkaAndRegistry.serdeConfig(), false);
    assertThatThrownBy(
            () ->
                serializer.serialize(
                    "it.breaking.v1", new GenericData.Record(Greetings.v3Breaking())))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining(subject)
        .hasMessageContaining("priority");
    assertThat(registry.getLatestSchemaMetadata(subject).version()).isEqualTo(1);
  }

  @Test
  void aSubjectPinnedToBackwardTransitiveRefusesWhatOnlyTheLatestVersionWouldAccept() {
    String subject = "it.transitive.v1-value";
    RestSchemaRegistryClient registry =
        new RestSchemaRegistryClient(KafkaAndRegistry.serdeConfig());
    assertThat(registry.updateCompatibility(subject, "BACKWARD_TRANSITIVE"))
        .isEqualTo("BACKWARD_TRANSITIVE");
    registry.register(subject, edition("[]"));
    registry.register(subject, edition("[" + note("\"default\": \"\"") + "]"));

    // Readable from version 2 (which has the note) but not from version 1 (which has none).
    Schema noteRequired = edition("[" + note("") + "]");
    assertThatThrownBy(() -> registry.register(subject, noteRequired))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageContaining("note");
    assertThat(registry.getLatestSchemaMetadata(subject).version()).isEqualTo(2);
  }

  private static Schema edition(String extraFields) {
    String fields =
        extraFields.equals("[]") ? "" : ", " + extraFields.substring(1, extraFields.length() - 1);
    return new Schema.Parser()
        .parse(
            "{\"type\": \"record\", \"name\": \"Edition\", \"namespace\": \"it\", \"fields\": ["
                + "{\"name\": \"number\", \"type\": \"int\"}"
                + fields
                + "]}");
  }

  private static String note(String defaultClause) {
    return "{\"name\": \"note\", \"type\": \"string\""
        + (defaultClause.isEmpty() ? "" : ", " + defaultClause)
        + "}";
  }
}
