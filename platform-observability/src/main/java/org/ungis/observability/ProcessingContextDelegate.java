package org.ungis.observability;

import java.io.File;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.StreamsMetrics;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** A processing context that does what the wrapped one does (subclasses change forwarding). */
abstract class ProcessingContextDelegate implements ProcessingContext {

  private final ProcessingContext context;

  ProcessingContextDelegate(ProcessingContext context) {
    this.context = context;
  }

  @Override
  public String applicationId() {
    return context.applicationId();
  }

  @Override
  public TaskId taskId() {
    return context.taskId();
  }

  @Override
  public Optional<RecordMetadata> recordMetadata() {
    return context.recordMetadata();
  }

  @Override
  public Serde<?> keySerde() {
    return context.keySerde();
  }

  @Override
  public Serde<?> valueSerde() {
    return context.valueSerde();
  }

  @Override
  public File stateDir() {
    return context.stateDir();
  }

  @Override
  public StreamsMetrics metrics() {
    return context.metrics();
  }

  @Override
  public <S extends StateStore> S getStateStore(String name) {
    return context.getStateStore(name);
  }

  @Override
  public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
    return context.schedule(interval, type, callback);
  }

  @Override
  public void commit() {
    context.commit();
  }

  @Override
  public Map<String, Object> appConfigs() {
    return context.appConfigs();
  }

  @Override
  public Map<String, Object> appConfigsWithPrefix(String prefix) {
    return context.appConfigsWithPrefix(prefix);
  }

  @Override
  public long currentSystemTimeMs() {
    return context.currentSystemTimeMs();
  }

  @Override
  public long currentStreamTimeMs() {
    return context.currentStreamTimeMs();
  }
}
