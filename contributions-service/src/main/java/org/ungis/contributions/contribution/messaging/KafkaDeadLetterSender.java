package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** A plain idempotent producer (acks=all) of dead letters, built from the streams settings. */
final class KafkaDeadLetterSender implements DeadLetterSender {

  private final KafkaProducer<byte[], byte[]> producer;

  KafkaDeadLetterSender(Map<String, ?> streamsConfig) {
    Map<String, Object> config = new HashMap<>();
    for (String name : ProducerConfig.configNames()) {
      if (streamsConfig.containsKey(name)) {
        config.put(name, streamsConfig.get(name));
      }
    }
    streamsConfig.forEach(
        (name, value) -> {
          if (name.startsWith("producer.")) {
            config.put(name.substring("producer.".length()), value);
          }
        });
    config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
    config.put(
        ProducerConfig.CLIENT_ID_CONFIG, "dead-letters-" + streamsConfig.get("application.id"));
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    this.producer = new KafkaProducer<>(config);
  }

  @Override
  public void send(ProducerRecord<byte[], byte[]> deadLetter) throws Exception {
    producer.send(deadLetter).get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
