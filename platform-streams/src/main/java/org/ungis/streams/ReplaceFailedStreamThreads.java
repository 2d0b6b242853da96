package org.ungis.streams;

import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stream thread that fails is replaced, never the whole client stopped. Kafka is the store and
 * processing is exactly-once: a new thread resumes from the last committed offsets, so work that
 * failed (a commit refused after the process was frozen past its session timeout, an input topic
 * not created yet, the broker or the registry away for a while) is done again instead of leaving a
 * service that answers {@code 503} until someone restarts it.
 */
public final class ReplaceFailedStreamThreads implements StreamsUncaughtExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ReplaceFailedStreamThreads.class);

  @Override
  public StreamThreadExceptionResponse handle(Throwable failure) {
    if (RetryMissingInputTopics.missingInputTopic(failure)) {
      log.warn(
          "an input topic does not exist yet; replacing the stream thread: {}",
          failure.getMessage());
    } else {
      log.error("a stream thread failed; replacing it", failure);
    }
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }
}
