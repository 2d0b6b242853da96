package org.ungis.observability;

import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The Kafka Streams {@code processor.wrapper.class} that puts every processor of a topology (the
 * DSL's and the Processor API's) inside the tracing of {@link StreamsTracing}. Kafka Streams
 * creates it and hands it its configuration; without a {@link StreamsTracing} under {@link
 * StreamsTracing#CONFIG} it leaves the processors as they are.
 */
public final class TracedProcessorWrapper implements ProcessorWrapper {

  private StreamsTracing tracing;

  @Override
  public void configure(Map<String, ?> configs) {
    tracing = configs.get(StreamsTracing.CONFIG) instanceof StreamsTracing t ? t : null;
  }

  @Override
  public <KIn, VIn, KOut, VOut>
      WrappedProcessorSupplier<KIn, VIn, KOut, VOut> wrapProcessorSupplier(
          String processorName, ProcessorSupplier<KIn, VIn, KOut, VOut> supplier) {
    if (tracing == null) {
      return ProcessorWrapper.asWrapped(supplier);
    }
    StreamsTracing t = tracing;
    return new WrappedProcessorSupplier<>() {
      @Override
      public Processor<KIn, VIn, KOut, VOut> get() {
        return new TracedProcessor<>(processorName, supplier.get(), t);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return supplier.stores();
      }
    };
  }

  @Override
  public <KIn, VIn, VOut>
      WrappedFixedKeyProcessorSupplier<KIn, VIn, VOut> wrapFixedKeyProcessorSupplier(
          String processorName, FixedKeyProcessorSupplier<KIn, VIn, VOut> supplier) {
    if (tracing == null) {
      return ProcessorWrapper.asWrappedFixedKey(supplier);
    }
    StreamsTracing t = tracing;
    return new WrappedFixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<KIn, VIn, VOut> get() {
        return new TracedFixedKeyProcessor<>(processorName, supplier.get(), t);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return supplier.stores();
      }
    };
  }
}
