package org.ungis.observability;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** A processor run inside the record's observation; what it forwards carries the trace. */
final class TracedProcessor<KIn, VIn, KOut, VOut> implements Processor<KIn, VIn, KOut, VOut> {

  private final String name;
  private final Processor<KIn, VIn, KOut, VOut> delegate;
  private final StreamsTracing tracing;
  private final StreamsTracing.LastTrace last = new StreamsTracing.LastTrace();
  private ProcessorContext<KOut, VOut> context;

  TracedProcessor(String name, Processor<KIn, VIn, KOut, VOut> delegate, StreamsTracing tracing) {
    this.name = name;
    this.delegate = delegate;
    this.tracing = tracing;
  }

  @Override
  public void init(ProcessorContext<KOut, VOut> context) {
    this.context = context;
    delegate.init(new TracingContext<>(name, context, tracing, last));
  }

  @Override
  public void process(Record<KIn, VIn> record) {
    tracing.process(
        name, context, record.key(), record.headers(), last, () -> delegate.process(record));
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The processor's context, except that forwarded records get the current trace. */
  static final class TracingContext<K, V> extends ProcessingContextDelegate
      implements ProcessorContext<K, V> {
    private final ProcessorContext<K, V> context;
    private final String name;
    private final StreamsTracing tracing;
    private final StreamsTracing.LastTrace last;

    TracingContext(
        String name,
        ProcessorContext<K, V> context,
        StreamsTracing tracing,
        StreamsTracing.LastTrace last) {
      super(context);
      this.name = name;
      this.context = context;
      this.tracing = tracing;
      this.last = last;
    }

    @Override
    public Cancellable schedule(Duration interval, PunctuationType type, Punctuator callback) {
      return context.schedule(
          interval,
          type,
          timestamp -> tracing.punctuate(name, last, () -> callback.punctuate(timestamp)));
    }

    @Override
    public <K1 extends K, V1 extends V> void forward(Record<K1, V1> record) {
      context.forward(record.withHeaders(tracing.forwardHeaders(record.headers())));
    }

    @Override
    public <K1 extends K, V1 extends V> void forward(Record<K1, V1> record, String childName) {
      context.forward(record.withHeaders(tracing.forwardHeaders(record.headers())), childName);
    }
  }
}
