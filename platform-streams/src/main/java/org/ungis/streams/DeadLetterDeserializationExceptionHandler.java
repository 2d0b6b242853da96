package org.ungis.streams;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.streams.RecoveringDeserializationExceptionHandler;

/**
 * Spring Kafka's {@link RecoveringDeserializationExceptionHandler} (an undecodable record goes to
 * its dead-letter topic and the stream goes on), except for a record whose decoding failed for a
 * transient reason: a {@link RetriableException} among the causes (the schema registry unreachable
 * or failing while it restarts). Such a record is valid as far as anyone knows, so the stream
 * thread fails instead ({@link ReplaceFailedStreamThreads} replaces it) and the record is read
 * again from the last committed offset, never dead-lettered.
 */
public class DeadLetterDeserializationExceptionHandler
    extends RecoveringDeserializationExceptionHandler {

  private static final Logger log =
      LoggerFactory.getLogger(DeadLetterDeserializationExceptionHandler.class);

  @Override
  public DeserializationHandlerResponse handle(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    if (isTransient(exception)) {
      log.warn(
          "cannot decode {}-{}@{} for now, reading it again: {}",
          record.topic(),
          record.partition(),
          record.offset(),
          exception.toString());
      return DeserializationHandlerResponse.FAIL;
    }
    return super.handle(context, record, exception);
  }

  /** Whether the failure says nothing about the record: a retriable cause. */
  static boolean isTransient(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetriableException) {
        return true;
      }
    }
    return false;
  }
}
