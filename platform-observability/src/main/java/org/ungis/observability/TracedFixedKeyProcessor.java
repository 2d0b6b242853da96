package org.ungis.observability;

import java.time.Duration;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * A fixed-key processor run inside the record's observation; what it forwards carries the trace.
 */
final class TracedFixedKeyProcessor<KIn, VIn, VOut> implements FixedKeyProcessor<KIn, VIn, VOut> {

  private final String name;
  private final FixedKeyProcessor<KIn, VIn, VOut> delegate;
  private final StreamsTracing tracing;
  private final StreamsTracing.LastTrace last = new StreamsTracing.LastTrace();
  private FixedKeyProcessorContext<KIn, VOut> context;

  TracedFixedKeyProcessor(
      String name, FixedKeyProcessor<KIn, VIn, VOut> delegate, StreamsTracing tracing) {
    this.name = name;
    this.delegate = delegate;
    this.tracing = tracing;
  }

  @Override
  public void init(FixedKeyProcessorContext<KIn, VOut> context) {
    this.context = context;
    delegate.init(new TracingContext<>(name, context, tracing, last));
  }

  @Override
  public void process(FixedKeyRecord<KIn, VIn> record) {
    tracing.process(
        name, context, record.key(), record.headers(), last, () -> delegate.process(record));
  }

  @Override
  public void close() {
    delegate.close();
  }

  /** The processor's context, except that forwarded records get the current trace. */
  static final class TracingContext<K, V> extends ProcessingContextDelegate
      implements FixedKeyProcessorContext<K, V> {
    private final FixedKeyProcessorContext<K, V> context;
    private final String name;
    private final StreamsTracing tracing;
    private final StreamsTracing.LastTrace last;

    TracingContext(
        String name,
        FixedKeyProcessorContext<K, V> context,
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
    public <K1 extends K, V1 extends V> void forward(FixedKeyRecord<K1, V1> record) {
      context.forward(record.withHeaders(tracing.forwardHeaders(record.headers())));
    }

    @Override
    public <K1 extends K, V1 extends V> void forward(
        FixedKeyRecord<K1, V1> record, String childName) {
      context.forward(record.withHeaders(tracing.forwardHeaders(record.headers())), childName);
    }
  }
}
