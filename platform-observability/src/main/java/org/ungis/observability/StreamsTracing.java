package org.ungis.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.api.ProcessingContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traces the records a Kafka Streams topology processes, so that the trace of the HTTP call that
 * produced an event goes on through every processor that handles it and every record they write.
 *
 * <p>For each input record, the first processor that handles it opens a span named {@code <topic>
 * process} (kind consumer) whose parent is the record's W3C {@code traceparent} header (a new trace
 * when it has none). While it is open the trace id is in the logging MDC ({@code traceId}, {@code
 * spanId}), so every log line of the processing carries it, and every record a processor forwards
 * (downstream, to a sink, to a repartition topic) gets that span's {@code traceparent}, also when
 * the processor built a new {@code Record} without the input's headers. Processors that the record
 * reaches within the same sub-topology run in the same span. Each first processor's work is timed
 * ({@value #OBSERVATION}, Prometheus {@code ungis_streams_process_seconds}, tagged with the
 * processor, the source topic and {@code error}).
 *
 * <p>The span is opened on the tracer itself and the timer is kept per processor and topic, not
 * through an {@code Observation} per record: the observation's handlers (a context, key values, a
 * long-task timer and a timer looked up per record) cost more than the fold of a small event.
 * Whether the span is recorded follows the trace's sampling decision, as for the HTTP calls.
 *
 * <p>Put into a Kafka Streams configuration with {@link #addTo(Map)}: it sets {@code
 * processor.wrapper.class} to {@link TracedProcessorWrapper}, which wraps every processor of a
 * topology built with that configuration (Spring Kafka builds its {@code StreamsBuilder} so; so
 * does {@code new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)))}).
 */
public final class StreamsTracing {

  /** The configuration key under which the instance travels to {@link TracedProcessorWrapper}. */
  public static final String CONFIG = "ungis.observability.streams-tracing";

  /** Name of the timer ({@code ungis_streams_process_seconds}). */
  public static final String OBSERVATION = "ungis.streams.process";

  /** The logger of the one line per processed record ({@code INFO}). */
  public static final String RECORDS_LOGGER = "org.ungis.observability.streams";

  private static final Logger records = LoggerFactory.getLogger(RECORDS_LOGGER);

  private static final Propagator.Getter<Headers> HEADER =
      (headers, name) -> {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null
            ? null
            : new String(header.value(), StandardCharsets.UTF_8);
      };

  private final MeterRegistry meters;
  private final Tracer tracer;
  private final Propagator propagator;
  private final boolean logRecords;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  /**
   * What the stream thread is processing: the record's span ({@link Boolean#TRUE} without tracing),
   * {@code null} between records.
   */
  private final ThreadLocal<Object> processing = new ThreadLocal<>();

  /**
   * @param meters where the timers go; {@code null}: no timers
   * @param tracer the tracer whose spans the processing runs in and whose current span is written
   *     on forwarded records; {@code null} when there is no tracing (then forwarded records keep
   *     their headers)
   * @param propagator reads and writes the {@code traceparent}; {@code null} when there is no
   *     tracing
   * @param logRecords whether to log one line per processed record
   */
  public StreamsTracing(
      MeterRegistry meters, Tracer tracer, Propagator propagator, boolean logRecords) {
    this.meters = meters;
    boolean tracing = tracer != null && propagator != null;
    this.tracer = tracing ? tracer : null;
    this.propagator = tracing ? propagator : null;
    this.logRecords = logRecords;
  }

  /**
   * Adds the processor wrapper and this instance to a Kafka Streams configuration (a {@code
   * processor.wrapper.class} already set is left alone).
   */
  public void addTo(Map<Object, Object> streamsConfig) {
    streamsConfig.putIfAbsent(
        StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, TracedProcessorWrapper.class.getName());
    streamsConfig.put(CONFIG, this);
  }

  /**
   * Runs one processor's work on one record inside the record's span, and remembers that span's
   * trace in {@code last} for the processor's next punctuation.
   */
  void process(
      String processor,
      ProcessingContext context,
      Object key,
      Headers headers,
      LastTrace last,
      Runnable work) {
    Object current = processing.get();
    if (current != null) {
      work.run(); // forwarded within the sub-topology: same span
      if (current instanceof Span span) {
        last.remember(span.context());
      }
      return;
    }
    RecordMetadata metadata = context.recordMetadata().orElse(null);
    String topic = metadata == null ? "none" : metadata.topic();
    if (tracer == null) {
      timed(processor, topic, work);
      logRecord(processor, metadata, key);
      return;
    }
    Span span =
        propagator
            .extract(headers == null ? new RecordHeaders() : headers, HEADER)
            .kind(Span.Kind.CONSUMER)
            .remoteServiceName("kafka")
            .name(topic + " process")
            .tag("ungis.streams.processor", processor)
            .tag("messaging.source.name", topic)
            .start();
    inSpan(
        span,
        processor,
        topic,
        () -> {
          work.run();
          last.remember(span.context());
          logRecord(processor, metadata, key);
        });
  }

  /**
   * Runs a punctuation of a processor inside a span of its own. It continues the trace of the
   * latest record the processor handled since its previous punctuation, so that what it forwards
   * (e.g. a batch of the records it collected) carries the trace of the latest input that went into
   * it; with no record since, it starts a new trace.
   */
  void punctuate(String processor, LastTrace last, Runnable work) {
    TraceContext parent = last.take();
    if (tracer == null) {
      timed(processor, "punctuation", work);
      return;
    }
    Span.Builder builder = tracer.spanBuilder();
    if (parent == null) {
      builder.setNoParent();
    } else {
      builder.setParent(parent).kind(Span.Kind.CONSUMER).remoteServiceName("kafka");
    }
    Span span =
        builder
            .name(processor + " punctuate")
            .tag("ungis.streams.processor", processor)
            .tag("messaging.source.name", "punctuation")
            .start();
    inSpan(span, processor, "punctuation", work);
  }

  private void inSpan(Span span, String processor, String topic, Runnable work) {
    processing.set(span);
    long start = System.nanoTime();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      work.run();
      record(processor, topic, null, System.nanoTime() - start);
    } catch (RuntimeException | Error e) {
      span.error(e);
      record(processor, topic, e, System.nanoTime() - start);
      throw e;
    } finally {
      processing.remove();
      span.end();
    }
  }

  private void timed(String processor, String topic, Runnable work) {
    processing.set(Boolean.TRUE);
    long start = System.nanoTime();
    try {
      work.run();
      record(processor, topic, null, System.nanoTime() - start);
    } catch (RuntimeException | Error e) {
      record(processor, topic, e, System.nanoTime() - start);
      throw e;
    } finally {
      processing.remove();
    }
  }

  /** Times one processing: a timer per processor and topic, looked up by name only on errors. */
  private void record(String processor, String topic, Throwable error, long nanos) {
    if (meters == null) {
      return;
    }
    Timer timer =
        error == null
            ? timers.computeIfAbsent(processor + '\n' + topic, k -> timer(processor, topic, "none"))
            : timer(processor, topic, error.getClass().getSimpleName());
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Timer timer(String processor, String topic, String error) {
    return Timer.builder(OBSERVATION)
        .description("Kafka Streams processing of one record by the first processor it reaches")
        .tag("ungis.streams.processor", processor)
        .tag("messaging.source.name", topic)
        .tag("error", error)
        .register(meters);
  }

  private void logRecord(String processor, RecordMetadata metadata, Object key) {
    if (logRecords && records.isDebugEnabled()) {
      records.debug(
          "processed {} by {} (key {})",
          metadata == null
              ? "a punctuation record"
              : metadata.topic() + "-" + metadata.partition() + "@" + metadata.offset(),
          processor,
          key);
    }
  }

  /**
   * The trace of the latest record a processor handled since its last punctuation (one per
   * processor instance, used by its stream thread only).
   */
  static final class LastTrace {
    private TraceContext trace;

    void remember(TraceContext trace) {
      if (trace != null) {
        this.trace = trace;
      }
    }

    TraceContext take() {
      TraceContext taken = trace;
      trace = null;
      return taken;
    }
  }

  /**
   * The headers a forwarded record should carry: its own, with the current observation's {@code
   * traceparent} instead of any earlier one. Unchanged outside an observation or without tracing.
   */
  Headers forwardHeaders(Headers headers) {
    if (tracer == null) {
      return headers;
    }
    TraceContext current = tracer.currentTraceContext().context();
    if (current == null) {
      return headers;
    }
    RecordHeaders copy = new RecordHeaders(headers == null ? new Header[0] : headers.toArray());
    for (String field : propagator.fields()) {
      copy.remove(field);
    }
    propagator.inject(
        current,
        copy,
        (carrier, name, value) -> carrier.add(name, value.getBytes(StandardCharsets.UTF_8)));
    return copy;
  }
}
