package org.ungis.contributions.contribution.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes a dead letter durably; the Kafka implementation waits for the broker's ack. */
public interface DeadLetterSender extends AutoCloseable {

  void send(ProducerRecord<byte[], byte[]> deadLetter) throws Exception;

  @Override
  default void close() {}
}
