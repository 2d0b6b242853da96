package org.ungis.streams;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * The one dead-letter strategy of the platform's Kafka Streams applications: a record that cannot
 * be decoded ({@link DeadLetterDeserializationExceptionHandler}, Spring Kafka's {@link
 * RecoveringDeserializationExceptionHandler} but for a transient failure, e.g. the schema registry
 * away, which is read again instead) or that the topology cannot process ({@link
 * DeadLetterProcessingExceptionHandler}) goes, with its original key, value bytes and headers, to
 * its catalogue topic's {@link Topic#deadLetterTopic()}, with Spring Kafka's {@code kafka_dlt-*}
 * headers (exception, original topic, partition, offset and timestamp) added by its {@link
 * DeadLetterPublishingRecoverer}; the stream goes on. If the dead letter cannot be written, the
 * stream thread fails rather than lose the record.
 *
 * <p>A service imports this configuration ({@code @Import(StreamsDeadLetters.class)}); it adds both
 * handlers to the streams configuration Spring Boot (or the service) builds. A topology test sets
 * the same handlers with {@link #handOver} and a {@link #recoverer} of its own template.
 */
@Configuration(proxyBeanMethods = false)
public class StreamsDeadLetters {

  /** The recoverer of this service, sending with its own plain producer. */
  @Bean
  DeadLetterProducer deadLetterProducer(KafkaProperties kafka, KafkaConnectionDetails connection) {
    return new DeadLetterProducer(kafka, connection);
  }

  /** Adds both handlers and the recoverer to the service's streams configuration. */
  @Bean
  StreamsBuilderFactoryBeanConfigurer deadLetterHandlers(DeadLetterProducer producer) {
    return factoryBean -> {
      Properties config = factoryBean.getStreamsConfiguration();
      handOver(config, producer.recoverer());
      factoryBean.setStreamsConfiguration(config);
    };
  }

  /**
   * Sets the deserialization and processing exception handlers of {@code streamsConfig} to hand
   * what they cannot take to {@code recoverer}.
   */
  public static void handOver(Properties streamsConfig, DeadLetterPublishingRecoverer recoverer) {
    streamsConfig.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationExceptionHandler.class);
    streamsConfig.put(
        RecoveringDeserializationExceptionHandler.KSTREAM_DESERIALIZATION_RECOVERER, recoverer);
    streamsConfig.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterProcessingExceptionHandler.class);
    streamsConfig.put(DeadLetterProcessingExceptionHandler.RECOVERER, recoverer);
  }

  /**
   * Spring Kafka's recoverer sending a record of a catalogue topic to that topic's dead-letter
   * topic (partition chosen by its key); it throws for any other topic, so that the record is not
   * dropped without a trace.
   */
  public static DeadLetterPublishingRecoverer recoverer(KafkaOperations<?, ?> template) {
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(template, StreamsDeadLetters::destination);
    recoverer.setThrowIfNoDestinationReturned(true);
    return recoverer;
  }

  /**
   * The dead letter {@link #recoverer} would send for {@code record}, with the same topic, key,
   * value and headers, but not sent: a topology writes it through a sink of its own, so that it is
   * part of the stream's transaction ({@code exactly_once_v2}) with the work that gave the record
   * up. A punctuation that dead-letters what it held ({@link HeldRecord#deadLetter}) and deletes it
   * from its store then commits both or neither, where a letter sent by the recoverer's own
   * producer would be written again after a crash before the commit.
   *
   * @throws RuntimeException as the recoverer does, if {@code record}'s topic is not a catalogue
   *     topic (no dead-letter topic)
   */
  public static ProducerRecord<Object, Object> letter(
      ConsumerRecord<?, ?> record, Exception cause) {
    LetterCapture capture = new LetterCapture();
    capture.accept(record, null, cause);
    return capture.letter;
  }

  private static TopicPartition destination(ConsumerRecord<?, ?> record, Exception exception) {
    return Topics.named(record.topic())
        .map(topic -> new TopicPartition(topic.deadLetterTopic(), -1))
        .orElse(null);
  }

  /** The recoverer, keeping its letter instead of sending it (its template is never used). */
  private static final class LetterCapture extends DeadLetterPublishingRecoverer {

    private static final KafkaOperations<?, ?> NEVER_USED =
        new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.<String, Object>of()));

    private ProducerRecord<Object, Object> letter;

    LetterCapture() {
      super(letter -> NEVER_USED, false, StreamsDeadLetters::destination);
      setThrowIfNoDestinationReturned(true);
    }

    @Override
    protected void send(
        ProducerRecord<Object, Object> outRecord,
        KafkaOperations<Object, Object> template,
        ConsumerRecord<?, ?> inRecord) {
      letter = outRecord;
    }
  }

  /**
   * Writes the dead letters: a plain byte-array producer (idempotent, {@code acks=all}, never
   * transactional, so a letter is not rolled back with the aborted work that refused it), closed
   * with the application.
   */
  public static final class DeadLetterProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> factory;
    private final DeadLetterPublishingRecoverer recoverer;

    DeadLetterProducer(KafkaProperties kafka, KafkaConnectionDetails connection) {
      Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
      KafkaConnectionDetails.Configuration producer = connection.getProducer();
      config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, producer.getBootstrapServers());
      if (producer.getSecurityProtocol() != null) {
        config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, producer.getSecurityProtocol());
      }
      config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
      config.put(ProducerConfig.ACKS_CONFIG, "all");
      config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
      this.factory = new DefaultKafkaProducerFactory<>(config);
      this.recoverer = StreamsDeadLetters.recoverer(new KafkaTemplate<>(factory));
    }

    public DeadLetterPublishingRecoverer recoverer() {
      return recoverer;
    }

    @Override
    public void destroy() {
      factory.destroy();
    }
  }
}
