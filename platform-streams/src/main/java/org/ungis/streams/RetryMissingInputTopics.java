package org.ungis.streams;

import java.util.List;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread that failed because an input topic does not exist yet (its owner may start later)
 * is replaced, and so is one that failed for a transient cause (a Kafka {@link RetriableException}
 * anywhere in the chain, e.g. the schema registry away while an input is decoded: see {@link
 * DeadLetterDeserializationExceptionHandler}) or for one of the causes a service names as passing
 * (e.g. the schema registry away while an output is serialized); any other failure stops the
 * streams client, so that readiness goes down and the failure is seen. For a service that prefers
 * to replace every failed thread, see {@link ReplaceFailedStreamThreads}.
 */
public final class RetryMissingInputTopics implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(RetryMissingInputTopics.class);

  private final List<Class<? extends Throwable>> passing;

  /**
   * @param passing causes (anywhere in the chain) after which a new thread does the aborted work
   *     again (exactly once) instead of stopping the client
   */
  @SafeVarargs
  public RetryMissingInputTopics(Class<? extends Throwable>... passing) {
    this.passing = List.of(passing);
  }

  /** Whether a stream thread failed because an input topic does not exist (yet). */
  public static boolean missingInputTopic(Throwable failure) {
    return failure instanceof MissingSourceTopicException
        || failure.getCause() instanceof MissingSourceTopicException;
  }

  @Override
  public StreamThreadExceptionResponse handle(Throwable failure) {
    if (missingInputTopic(failure)) {
      log.warn("an input topic does not exist yet; retrying: {}", failure.getMessage());
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RetriableException) {
        log.warn("a stream thread failed for a transient cause; replacing it: {}", t.toString());
        return StreamThreadExceptionResponse.REPLACE_THREAD;
      }
      for (Class<? extends Throwable> type : passing) {
        if (type.isInstance(t)) {
          log.warn(
              "a stream thread failed ({}); replacing it: {}",
              type.getSimpleName(),
              failure.toString());
          return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
      }
    }
    log.error("stream thread failed; stopping the streams client", failure);
    return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
  }
}
