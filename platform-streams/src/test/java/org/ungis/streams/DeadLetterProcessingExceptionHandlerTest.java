package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler.ProcessingHandlerResponse;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class DeadLetterProcessingExceptionHandlerTest {

  static final String TOPIC = "ungis.reviews.v1";

  record Context(byte[] key, byte[] value, Headers headers) implements ErrorHandlerContext {
    @Override
    public String topic() {
      return TOPIC;
    }

    @Override
    public int partition() {
      return 2;
    }

    @Override
    public long offset() {
      return 41;
    }

    @Override
    public String processorNodeId() {
      return "tracker";
    }

    @Override
    public TaskId taskId() {
      return new TaskId(0, 2);
    }

    @Override
    public long timestamp() {
      return 1_700_000_000_000L;
    }

    @Override
    public byte[] sourceRawKey() {
      return key;
    }

    @Override
    public byte[] sourceRawValue() {
      return value;
    }
  }

  @Test
  void handsTheOriginalBytesToTheDeadLetterPathAndGoesOn() {
    List<ConsumerRecord<?, ?>> dead = new ArrayList<>();
    List<Exception> causes = new ArrayList<>();
    BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer =
        (record, exception) -> {
          dead.add(record);
          causes.add(exception);
        };
    DeadLetterProcessingExceptionHandler handler = new DeadLetterProcessingExceptionHandler();
    handler.configure(Map.of(DeadLetterProcessingExceptionHandler.RECOVERER, recoverer));
    byte[] key = "c-1".getBytes(StandardCharsets.UTF_8);
    byte[] value = {0, 0, 0, 0, 7, 42};
    RecordHeaders headers = new RecordHeaders();
    headers.add("traceparent", "00-abc".getBytes(StandardCharsets.UTF_8));
    IllegalStateException failure = new IllegalStateException("refused");

    ProcessingHandlerResponse response =
        handler.handle(
            new Context(key, value, headers), new Record<>("c-1", "decoded", 0L), failure);

    assertThat(response).isEqualTo(ProcessingHandlerResponse.CONTINUE);
    assertThat(dead)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topic()).isEqualTo(TOPIC);
              assertThat(r.partition()).isEqualTo(2);
              assertThat(r.offset()).isEqualTo(41);
              assertThat((byte[]) r.key()).isEqualTo(key);
              assertThat((byte[]) r.value()).isEqualTo(value);
              assertThat(r.headers().lastHeader("traceparent")).isNotNull();
            });
    assertThat(causes).containsExactly(failure);
  }

  @Test
  void failsTheTaskWhenThereIsNoInputToDeadLetterInsteadOfDroppingTheOutput() {
    // An entry written by a punctuation that cannot be serialized (the schema registry down): with
    // CONTINUE the entry would be lost, as fault-tests' scenario i showed.
    List<ConsumerRecord<?, ?>> dead = new ArrayList<>();
    DeadLetterProcessingExceptionHandler handler = new DeadLetterProcessingExceptionHandler();
    BiConsumer<ConsumerRecord<?, ?>, Exception> recoverer = (record, exception) -> dead.add(record);
    handler.configure(Map.of(DeadLetterProcessingExceptionHandler.RECOVERER, recoverer));

    ProcessingHandlerResponse response =
        handler.handle(
            new Context(null, null, new RecordHeaders()),
            new Record<>("igf-2026/c-1", "entry", 0L),
            new org.apache.kafka.common.errors.SerializationException("registry unreachable"));

    assertThat(response).isEqualTo(ProcessingHandlerResponse.FAIL);
    assertThat(dead).isEmpty();
  }
}
