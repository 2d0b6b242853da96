package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.streams.errors.MissingSourceTopicException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class ReplaceFailedStreamThreadsTest {

  private final ReplaceFailedStreamThreads handler = new ReplaceFailedStreamThreads();

  @Test
  void aCommitThatTimedOutAfterAFreezeReplacesTheThreadInsteadOfStoppingTheClient() {
    var failure = new StreamsException(new TimeoutException("commit timed out"));
    assertThat(handler.handle(failure)).isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }

  @Test
  void aMissingInputTopicReplacesTheThreadToo() {
    assertThat(handler.handle(new MissingSourceTopicException("ungis.reviews.v1 is missing")))
        .isEqualTo(StreamThreadExceptionResponse.REPLACE_THREAD);
  }
}
