package org.ungis.streams;

import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A record that decodes but cannot be processed (the domain refuses it, or a bug) goes to its input
 * topic's dead-letter topic with its original bytes, and processing goes on.
 *
 * <p>Configured with the recoverer under {@link #RECOVERER}: any {@code BiConsumer<ConsumerRecord,
 * Exception>}, such as Spring Kafka's {@code DeadLetterPublishingRecoverer}, the one that also
 * feeds {@code RecoveringDeserializationExceptionHandler}, so both paths end in {@code
 * <topic>.DLT}. If the recoverer cannot write the dead letter (it throws), or none is configured,
 * the task fails rather than go on without the record. {@link StreamsDeadLetters} configures both.
 */
public class DeadLetterProcessingExceptionHandler implements ProcessingExceptionHandler {

  /**
   * Config key of the recoverer ({@code BiConsumer<ConsumerRecord, Exception>}) of dead letters.
   */
  public static final String RECOVERER = "ungis.processing.recoverer";

  private static final Logger log =
      LoggerFactory.getLogger(DeadLetterProcessingExceptionHandler.class);

  private BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer;

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs) {
    this.recoverer = (BiConsumer<ConsumerRecord<?, ?>, Exception>) configs.get(RECOVERER);
  }

  @Override
  public ProcessingHandlerResponse handle(
      ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
    if (context.sourceRawValue() == null) {
      // An output of a punctuation (e.g. a record entry that cannot be serialized while the schema
      // registry is down): there is no input record to dead-letter, and going on would drop the
      // output. Fail the task: the transaction is aborted and the work done again on a new thread.
      log.error(
          "cannot process an output of {} (no input record to dead-letter); failing the task",
          context.processorNodeId(),
          exception);
      return ProcessingHandlerResponse.FAIL;
    }
    log.error(
        "cannot process {}-{}@{} in {}; dead-lettering it",
        context.topic(),
        context.partition(),
        context.offset(),
        context.processorNodeId(),
        exception);
    if (recoverer == null) {
      log.error("no dead-letter recoverer under {}; failing the task", RECOVERER);
      return ProcessingHandlerResponse.FAIL;
    }
    ConsumerRecord<byte[], byte[]> original =
        new HeldRecord(
                context.topic(),
                context.partition(),
                context.offset(),
                context.timestamp(),
                context.sourceRawKey(),
                context.sourceRawValue(),
                HeldRecord.headersOf(context.headers()))
            .toConsumerRecord();
    try {
      recoverer.accept(original, exception);
    } catch (RuntimeException e) {
      // The dead letter was not written: fail rather than go on and lose the record.
      log.error(
          "cannot dead-letter {}-{}@{}; failing the task",
          context.topic(),
          context.partition(),
          context.offset(),
          e);
      return ProcessingHandlerResponse.FAIL;
    }
    return ProcessingHandlerResponse.CONTINUE;
  }
}
