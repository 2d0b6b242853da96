package org.ungis.review.messaging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Sends an input record that cannot be decoded, or that the domain refuses, to its topic's
 * dead-letter topic ({@link Topic#deadLetterTopic()}) with its original key, value and headers,
 * plus the exception, the original topic, partition, offset and timestamp under Spring Kafka's
 * {@code kafka_dlt-*} header names, then lets the stream go on with the next record. If the dead
 * letter cannot be written, the stream fails rather than lose the record.
 *
 * <p>Configured as both {@code deserialization.exception.handler} and {@code
 * processing.exception.handler}.
 */
public class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

  private DeadLetterSink sink;
  private Map<String, Object> producerConfig;
  private String applicationId;

  @Override
  public void configure(Map<String, ?> configs) {
    applicationId = String.valueOf(configs.get(StreamsConfig.APPLICATION_ID_CONFIG));
    if (configs.get(DeadLetterSink.CONFIG) instanceof DeadLetterSink given) {
      sink = given;
      return;
    }
    producerConfig = new HashMap<>();
    for (Map.Entry<String, ?> e : configs.entrySet()) {
      String key = e.getKey();
      if (key.equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)
          || key.equals("security.protocol")
          || key.startsWith("ssl.")
          || key.startsWith("sasl.")) {
        producerConfig.put(key, e.getValue());
      }
    }
    producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
    producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, applicationId + "-dead-letters");
    producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
  }

  @Override
  public DeserializationHandlerResponse handle(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    boolean sent =
        deadLetter(
            record.topic(),
            record.partition(),
            record.offset(),
            record.timestamp(),
            record.key(),
            record.value(),
            record.headers(),
            exception);
    return sent ? DeserializationHandlerResponse.CONTINUE : DeserializationHandlerResponse.FAIL;
  }

  @Override
  public ProcessingHandlerResponse handle(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    boolean sent =
        deadLetter(
            context.topic(),
            context.partition(),
            context.offset(),
            context.timestamp(),
            context.sourceRawKey(),
            context.sourceRawValue(),
            context.headers(),
            exception);
    return sent ? ProcessingHandlerResponse.CONTINUE : ProcessingHandlerResponse.FAIL;
  }

  private boolean deadLetter(
      String topic,
      int partition,
      long offset,
      long timestamp,
      byte[] key,
      byte[] value,
      Headers original,
      Exception exception) {
    Optional<String> dlt =
        Topics.ALL.stream()
            .filter(t -> t.name().equals(topic))
            .map(Topic::deadLetterTopic)
            .findFirst();
    if (dlt.isEmpty()) {
      log.error(
          "no dead-letter topic for {}; failing on {}-{}@{}",
          topic,
          topic,
          partition,
          offset,
          exception);
      return false;
    }
    Headers headers = new RecordHeaders();
    if (original != null) {
      original.forEach(headers::add);
    }
    headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
    headers.add(
        KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
    headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
    headers.add(
        KafkaHeaders.DLT_ORIGINAL_TIMESTAMP, ByteBuffer.allocate(8).putLong(timestamp).array());
    headers.add(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP, utf8(applicationId));
    headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getClass().getName()));
    headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(rootMessage(exception))));
    try {
      sink().send(new ProducerRecord<>(dlt.get(), null, key, value, headers));
      log.warn(
          "dead-lettered {}-{}@{} to {}: {}",
          topic,
          partition,
          offset,
          dlt.get(),
          rootMessage(exception));
      return true;
    } catch (Exception e) {
      log.error("cannot dead-letter {}-{}@{}; failing", topic, partition, offset, e);
      return false;
    }
  }

  private synchronized DeadLetterSink sink() {
    if (sink == null) {
      KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig);
      Runtime.getRuntime()
          .addShutdownHook(new Thread(producer::close, "dead-letter-producer-close"));
      sink = deadLetter -> producer.send(deadLetter).get(30, TimeUnit.SECONDS);
    }
    return sink;
  }

  private static String rootMessage(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + cause + ")";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
