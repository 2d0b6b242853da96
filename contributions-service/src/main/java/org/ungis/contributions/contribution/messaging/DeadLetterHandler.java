package org.ungis.contributions.contribution.messaging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 * plus Spring Kafka's {@code kafka_dlt-*} headers (exception, original topic, partition, offset),
 * and lets the stream go on. Configured as both {@code deserialization.exception.handler} and
 * {@code processing.exception.handler}. If the dead letter cannot be written, the stream fails
 * rather than lose the record.
 */
public class DeadLetterHandler
    implements DeserializationExceptionHandler, ProcessingExceptionHandler {

  /** Config key for a {@link DeadLetterSender} instance (tests); default: a Kafka producer. */
  public static final String SENDER_CONFIG = "ungis.dead-letter.sender";

  private static final Logger log = LoggerFactory.getLogger(DeadLetterHandler.class);

  private Map<String, ?> configs;
  private DeadLetterSender sender;

  @Override
  public void configure(Map<String, ?> configs) {
    this.configs = configs;
    if (configs.get(SENDER_CONFIG) instanceof DeadLetterSender given) {
      this.sender = given;
    }
  }

  @Override
  public DeserializationHandlerResponse handle(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    boolean sent =
        deadLetter(
            record.topic(),
            record.partition(),
            record.offset(),
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
      byte[] key,
      byte[] value,
      Headers original,
      Exception exception) {
    Optional<Topic<?>> source = Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst();
    if (source.isEmpty()) {
      log.error("Cannot dead-letter a record of {} (not a catalogue topic)", topic, exception);
      return false;
    }
    Headers headers = new RecordHeaders();
    if (original != null) {
      for (Header header : original) {
        headers.add(header);
      }
    }
    headers.add(KafkaHeaders.DLT_ORIGINAL_TOPIC, utf8(topic));
    headers.add(
        KafkaHeaders.DLT_ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(partition).array());
    headers.add(KafkaHeaders.DLT_ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(offset).array());
    headers.add(KafkaHeaders.DLT_EXCEPTION_FQCN, utf8(exception.getClass().getName()));
    headers.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE, utf8(String.valueOf(message(exception))));
    headers.add(KafkaHeaders.DLT_EXCEPTION_STACKTRACE, utf8(stackTrace(exception)));
    String deadLetterTopic = source.get().deadLetterTopic();
    try {
      sender().send(new ProducerRecord<>(deadLetterTopic, null, key, value, headers));
      log.warn(
          "Sent {}-{}@{} to {}: {}", topic, partition, offset, deadLetterTopic, message(exception));
      return true;
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.error("Cannot write dead letter of {}-{}@{}", topic, partition, offset, e);
      return false;
    }
  }

  private synchronized DeadLetterSender sender() {
    if (sender == null) {
      sender = new KafkaDeadLetterSender(configs);
    }
    return sender;
  }

  private static String message(Throwable exception) {
    Throwable cause = exception;
    StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
      message.append(" <- ").append(cause.getMessage());
    }
    return message.toString();
  }

  private static String stackTrace(Throwable exception) {
    StringWriter writer = new StringWriter();
    exception.printStackTrace(new PrintWriter(writer));
    String trace = writer.toString();
    return trace.length() > 8_000 ? trace.substring(0, 8_000) : trace;
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
