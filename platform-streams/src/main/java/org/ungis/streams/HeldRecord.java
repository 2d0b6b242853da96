package org.ungis.streams;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * An input record a processor keeps in a state store (e.g. one that arrived before what it is
 * about), as it was on its topic: if it is given up later, from a punctuation, it goes to its
 * topic's dead-letter topic with its original key, value bytes and headers, as the same letter as
 * the processing exception handler's ({@link StreamsDeadLetters}), but through a sink of the
 * topology, in the stream's transaction ({@link #deadLetter}). A plain value, so a {@link
 * JsonSerde} stores it.
 *
 * @param topic the input topic
 * @param partition its partition
 * @param offset its offset
 * @param timestamp the record's timestamp
 * @param key the key bytes
 * @param value the value bytes
 * @param headers the headers, in order
 */
public record HeldRecord(
    String topic,
    int partition,
    long offset,
    long timestamp,
    byte[] key,
    byte[] value,
    List<Header> headers) {

  /** One header. */
  public record Header(String key, byte[] value) {}

  public HeldRecord {
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** The record being processed, with the bytes of its key and value. */
  public static HeldRecord of(
      ProcessorContext<?, ?> context, Record<?, ?> record, byte[] key, byte[] value) {
    RecordMetadata source =
        context
            .recordMetadata()
            .orElseThrow(() -> new IllegalStateException("no input record to hold"));
    return new HeldRecord(
        source.topic(),
        source.partition(),
        source.offset(),
        record.timestamp(),
        key,
        value,
        headersOf(record.headers()));
  }

  /** Kafka's headers as a list. */
  public static List<Header> headersOf(Headers headers) {
    List<Header> list = new ArrayList<>();
    headers.forEach(h -> list.add(new Header(h.key(), h.value())));
    return list;
  }

  /** This record as the dead-letter recoverer takes it. */
  public ConsumerRecord<byte[], byte[]> toConsumerRecord() {
    RecordHeaders original = new RecordHeaders();
    headers.forEach(h -> original.add(h.key(), h.value()));
    return new ConsumerRecord<>(
        topic,
        partition,
        offset,
        timestamp,
        TimestampType.CREATE_TIME,
        key == null ? -1 : key.length,
        value.length,
        key,
        value,
        original,
        Optional.empty());
  }

  /**
   * This record's dead letter, naming {@code cause}, as a record for the processor to forward to a
   * sink of the topology that writes its topic's dead-letter topic: the letter of {@link
   * StreamsDeadLetters#letter} (original key, value bytes and headers, Spring Kafka's {@code
   * kafka_dlt-*} headers), written in the stream's transaction with the work that gave it up (the
   * store's delete of it), so that it is written exactly once.
   *
   * @param timestamp the letter's timestamp (the punctuation's time)
   */
  public Record<byte[], byte[]> deadLetter(Exception cause, long timestamp) {
    ProducerRecord<Object, Object> letter = StreamsDeadLetters.letter(toConsumerRecord(), cause);
    return new Record<>(
        (byte[]) letter.key(),
        (byte[]) letter.value(),
        letter.timestamp() == null ? timestamp : letter.timestamp(),
        letter.headers());
  }
}
