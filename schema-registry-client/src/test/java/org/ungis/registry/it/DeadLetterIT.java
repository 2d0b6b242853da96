package org.ungis.registry.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.Greetings;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;

/**
 * What a service does with an undecodable record: Spring Kafka's ErrorHandlingDeserializer
 * delegating to our deserializer, a DefaultErrorHandler and a DeadLetterPublishingRecoverer. The
 * good records reach the listener; the bad one lands on {@code <topic>.DLT} with its original
 * bytes, its topic, partition and offset, and our exception's message.
 */
@ExtendWith(KafkaAndRegistry.class)
class DeadLetterIT {

  private static final String TOPIC = "it.dead-letters.v1";
  private static final byte[] POISON =
      "{\"title\":\"plain JSON\"}".getBytes(StandardCharsets.UTF_8);

  @Test
  void anUndecodableRecordGoesToTheDeadLetterTopicWithItsOriginalBytesAndPosition() {
    try (KafkaProducer<String, Object> producer =
            KafkaAndRegistry.producer(new KafkaAvroSerializer(), KafkaAndRegistry.serdeConfig());
        KafkaProducer<String, byte[]> raw = rawProducer()) {
      producer.send(new ProducerRecord<>(TOPIC, "g-1", Greetings.greeting(1)));
      producer.flush();
      raw.send(new ProducerRecord<>(TOPIC, "poison", POISON));
      raw.flush();
      producer.send(new ProducerRecord<>(TOPIC, "g-2", Greetings.greeting(2)));
    }

    List<Object> received = new CopyOnWriteArrayList<>();
    KafkaMessageListenerContainer<String, Object> container = container(received);
    container.start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> received.size() == 2);
      assertThat(received).containsExactly(Greetings.greeting(1), Greetings.greeting(2));
    } finally {
      container.stop();
    }

    try (KafkaConsumer<String, byte[]> dlt =
        KafkaAndRegistry.consumer(new ByteArrayDeserializer(), Map.of())) {
      ConsumerRecord<String, byte[]> dead = KafkaAndRegistry.consume(dlt, TOPIC + ".DLT", 1).get(0);

      assertThat(dead.key()).isEqualTo("poison");
      assertThat(dead.value()).isEqualTo(POISON);
      assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).asString().isEqualTo(TOPIC);
      assertThat(ByteBuffer.wrap(header(dead, KafkaHeaders.DLT_ORIGINAL_PARTITION)).getInt())
          .isZero();
      assertThat(ByteBuffer.wrap(header(dead, KafkaHeaders.DLT_ORIGINAL_OFFSET)).getLong())
          .isEqualTo(1);
      // Spring wraps our exception in its DeserializationException ("failed to deserialize").
      assertThat(text(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))
          .isEqualTo(DeserializationException.class.getName());
      assertThat(text(dead, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
          .contains(
              "org.apache.kafka.common.errors.SerializationException: Unknown magic byte 0x7b")
          .contains(TOPIC);
    }
  }

  private static KafkaMessageListenerContainer<String, Object> container(List<Object> received) {
    Map<String, Object> consumerProps = new HashMap<>(KafkaAndRegistry.serdeConfig());
    consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaAndRegistry.bootstrapServers());
    consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "dlt-" + UUID.randomUUID());
    consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
    consumerProps.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
    consumerProps.put(
        ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, KafkaAvroDeserializer.class);
    consumerProps.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);

    Map<String, Object> producerProps =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaAndRegistry.bootstrapServers(),
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    KafkaTemplate<Object, Object> template =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producerProps));
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template, (record, e) -> new TopicPartition(record.topic() + ".DLT", -1));

    ContainerProperties properties = new ContainerProperties(TOPIC);
    properties.setMessageListener(
        (MessageListener<String, Object>) record -> received.add(record.value()));
    KafkaMessageListenerContainer<String, Object> container =
        new KafkaMessageListenerContainer<>(
            new DefaultKafkaConsumerFactory<>(consumerProps), properties);
    container.setCommonErrorHandler(new DefaultErrorHandler(recoverer, new FixedBackOff(0, 0)));
    return container;
  }

  private static KafkaProducer<String, byte[]> rawProducer() {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaAndRegistry.bootstrapServers()),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static String text(ConsumerRecord<?, ?> record, String name) {
    return new String(header(record, name), StandardCharsets.UTF_8);
  }

  private static byte[] header(ConsumerRecord<?, ?> record, String name) {
    var header = record.headers().lastHeader(name);
    assertThat(header).as("header %s", name).isNotNull();
    return header.value();
  }
}
