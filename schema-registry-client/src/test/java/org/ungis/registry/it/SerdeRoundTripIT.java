package org.ungis.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ungis.registry.client.SchemaRegistryClient;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.GenericAvroSerde;
import org.ungis.registry.serde.Greetings;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.serde.SpecificAvroSerde;
import org.ungis.registry.serde.WireFormat;
import org.ungis.registry.testing.Greeting;

/** Producer -> real KRaft broker -> consumer, through the real registry. */
@ExtendWith(KafkaAndRegistry.class)
class SerdeRoundTripIT {

  @Test
  void specificRecordsRoundTripAndAThousandCostOneRegistryCallEachWay() {
    String topic = "it.specific.v1";
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    try (KafkaProducer<String, Object> producer =
        KafkaAndRegistry.producer(serializer, KafkaAndRegistry.serdeConfig())) {
      SchemaRegistryClient client = serializer.client();
      long before = client.requestCount();
      for (int i = 0; i < 1_000; i++) {
        producer.send(new ProducerRecord<>(topic, "g-" + i, Greetings.greeting(i)));
      }
      producer.send(new ProducerRecord<>(topic, "g-gone", null));
      producer.flush();
      assertThat(client.requestCount() - before).as("registry requests to write").isEqualTo(1);
    }

    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    try (KafkaConsumer<String, Object> consumer =
        KafkaAndRegistry.consumer(
            deserializer,
            KafkaAndRegistry.serdeConfig(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true))) {
      List<ConsumerRecord<String, Object>> records =
          KafkaAndRegistry.consume(consumer, topic, 1_001);

      assertThat(records.get(0).value()).isInstanceOf(Greeting.class);
      assertThat(records.subList(0, 1_000))
          .extracting(ConsumerRecord::value)
          .containsExactlyElementsOf(
              java.util.stream.IntStream.range(0, 1_000).mapToObj(Greetings::greeting).toList());
      assertThat(records.get(1_000).value()).as("tombstone").isNull();
    }
  }

  @Test
  void genericRecordsRoundTripThroughTheGenericSerde() {
    String topic = "it.generic.v1";
    GenericRecord record = Greetings.v2Record(Greetings.greeting(42), "member agencies");
    try (GenericAvroSerde serde = new GenericAvroSerde();
        KafkaProducer<String, GenericRecord> producer =
            KafkaAndRegistry.producer(serde.serializer(), KafkaAndRegistry.serdeConfig())) {
      producer.send(new ProducerRecord<>(topic, "g-42", record));
    }

    try (GenericAvroSerde serde = new GenericAvroSerde();
        KafkaConsumer<String, GenericRecord> consumer =
            KafkaAndRegistry.consumer(serde.deserializer(), KafkaAndRegistry.serdeConfig())) {
      GenericRecord read = KafkaAndRegistry.consume(consumer, topic, 1).get(0).value();

      assertThat(read.getSchema()).isEqualTo(record.getSchema());
      assertThat(read.get("audience")).hasToString("member agencies");
      assertThat(read.get("text")).hasToString(Greetings.greeting(42).getText());
    }
  }

  @Test
  void theSpecificSerdeWorksAgainstTheRealRegistry() {
    String topic = "it.serde.v1";
    try (SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>();
        KafkaProducer<String, Greeting> producer =
            KafkaAndRegistry.producer(serde.serializer(), KafkaAndRegistry.serdeConfig())) {
      producer.send(new ProducerRecord<>(topic, "g-7", Greetings.greeting(7)));
    }
    try (SpecificAvroSerde<Greeting> serde = new SpecificAvroSerde<>();
        KafkaConsumer<String, Greeting> consumer =
            KafkaAndRegistry.consumer(serde.deserializer(), KafkaAndRegistry.serdeConfig())) {
      assertThat(KafkaAndRegistry.consume(consumer, topic, 1).get(0).value())
          .isEqualTo(Greetings.greeting(7));
    }
  }

  @Test
  void anUndecodableRecordSurfacesAsASerializationExceptionNamingTopicPartitionAndOffset() {
    String topic = "it.poison.v1";
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaAndRegistry.bootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, "ok", goodBytes(topic)));
      producer.send(new ProducerRecord<>(topic, "json", "{\"not\":\"avro\"}".getBytes()));
    }

    try (KafkaConsumer<String, Object> consumer =
        KafkaAndRegistry.consumer(new KafkaAvroDeserializer(), KafkaAndRegistry.serdeConfig())) {
      List<ConsumerRecord<String, Object>> first = KafkaAndRegistry.consume(consumer, topic, 1);
      assertThat(first.get(0).key()).isEqualTo("ok");

      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
          .isInstanceOf(SerializationException.class)
          .isInstanceOfSatisfying(
              RecordDeserializationException.class,
              e -> {
                assertThat(e.topicPartition().topic()).isEqualTo(topic);
                assertThat(e.offset()).isEqualTo(1);
              })
          .hasMessageContaining(topic + "-0")
          .hasMessageContaining("offset 1")
          .cause()
          .hasMessageContaining("Unknown magic byte 0x7b")
          .hasMessageContaining(topic);
    }
  }

  private static byte[] goodBytes(String topic) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(KafkaAndRegistry.serdeConfig(), false);
    byte[] bytes = serializer.serialize(topic, Greetings.greeting(1));
    assertThat(WireFormat.schemaId(bytes)).isPositive();
    return bytes;
  }
}
