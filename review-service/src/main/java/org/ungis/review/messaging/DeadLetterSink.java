package org.ungis.review.messaging;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Where dead letters go; a Kafka producer in the service, a list in topology tests. */
@FunctionalInterface
public interface DeadLetterSink {

  /** Streams config key under which an instance may be passed to {@link DeadLetterHandler}. */
  String CONFIG = "ungis.dead-letter.sink";

  /** Sends a dead letter durably or throws. */
  void send(ProducerRecord<byte[], byte[]> deadLetter) throws Exception;
}
