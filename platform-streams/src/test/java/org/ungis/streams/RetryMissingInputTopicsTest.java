package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class RetryMissingInputTopicsTest {

  @Test
  void aMissingInputTopicReplacesTheThread() {
    var handler = new RetryMissingInputTopics();
    assertThat(handler.handle(new MissingSourceTopicException("ungis.reviews.v1 is missing")))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
    assertThat(
            handler.handle(
                new StreamsException(new MissingSourceTopicException("ungis.reviews.v1"))))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aPassingCauseAnywhereInTheChainReplacesTheThread() {
    var failure =
        new StreamsException(new StreamsException(new SerializationException("registry away")));
    assertThat(new RetryMissingInputTopics(SerializationException.class).handle(failure))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aTransientCauseAnywhereInTheChainReplacesTheThreadOfEveryService() {
    // what the deserialization handler fails with when the registry cannot be reached
    var failure =
        new StreamsException(
            new SerializationException(
                "Error retrieving schema id 4", new TimeoutException("registry unreachable")));
    assertThat(new RetryMissingInputTopics().handle(failure))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void anyOtherFailureStopsTheClient() {
    var failure = new StreamsException(new SerializationException("registry away"));
    assertThat(new RetryMissingInputTopics().handle(failure))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
    assertThat(
            new RetryMissingInputTopics(SerializationException.class)
                .handle(new IllegalStateException("a bug")))
        .isEqualTo(StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
  }
}
