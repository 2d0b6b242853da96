package org.ungis.observability;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.ReceiverContext;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * <p>For each input record, the first processor that handles it opens an {@link Observation} named
 * {@value #OBSERVATION} whose parent is the record's W3C {@code traceparent} header (a new trace
 * when it has none). While it is open the trace id is in the logging MDC ({@code traceId}, {@code
 * spanId}), so every log line of the processing carries it, and every record a processor forwards
 * (downstream, to a sink, to a repartition topic) gets that observation's {@code traceparent}, also
 * when the processor built a new {@code Record} without the input's headers. Processors that the
 * record reaches within the same sub-topology run in the same observation.
 *
 * <p>Put into a Kafka Streams configuration with {@link #addTo(Map)}: it sets {@code
 * processor.wrapper.class} to {@link TracedProcessorWrapper}, which wraps every processor of a
 * topology built with that configuration (Spring Kafka builds its {@code StreamsBuilder} so; so
 * does {@code new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)))}).
 */
public final class StreamsTracing {

  /** The configuration key under which the instance travels to {@link TracedProcessorWrapper}. */
  public static final String CONFIG = "ungis.observability.streams-tracing";

  /** Name of the observation (and of its timer, {@code ungis_streams_process_seconds}). */
  public static final String OBSERVATION = "ungis.streams.process";

  /** The logger of the one line per processed record ({@code INFO}). */
  public static final String RECORDS_LOGGER = "org.ungis.observability.streams";

  private static final Logger records = LoggerFactory.getLogger(RECORDS_LOGGER);

  private final ObservationRegistry registry;
  private final Tracer tracer;
  private final Propagator propagator;
  private final boolean logRecords;

  /**
   * @param registry where the observations go (Spring Boot's, with its tracing handlers)
   * @param tracer the tracer whose current span is written on forwarded records; {@code null} when
   *     there is no tracing (then forwarded records keep their headers)
   * @param propagator writes the {@code traceparent}; {@code null} when there is no tracing
   * @param logRecords whether to log one line per processed record
   */
  public StreamsTracing(
      ObservationRegistry registry, Tracer tracer, Propagator propagator, boolean logRecords) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tracer = tracer;
    this.propagator = propagator;
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
   * Runs one processor's work on one record inside the record's observation, and remembers that
   * observation's trace in {@code last} for the processor's next punctuation.
   */
  void process(
      String processor,
      ProcessingContext context,
      Object key,
      Headers headers,
      LastTrace last,
      Runnable work) {
    Observation current = registry.getCurrentObservation();
    if (current != null && current.getContext() instanceof StreamsRecordContext) {
      work.run(); // forwarded within the sub-topology: same observation
      last.remember(currentTrace());
      return;
    }
    Optional<RecordMetadata> metadata = context.recordMetadata();
    String topic = metadata.map(RecordMetadata::topic).orElse("none");
    StreamsRecordContext recordContext = new StreamsRecordContext(headers);
    Observation.createNotStarted(OBSERVATION, () -> recordContext, registry)
        .contextualName(topic + " process")
        .lowCardinalityKeyValue("ungis.streams.processor", processor)
        .lowCardinalityKeyValue("messaging.source.name", topic)
        .observe(
            () -> {
              work.run();
              last.remember(currentTrace());
              if (logRecords && records.isDebugEnabled()) {
                records.debug(
                    "processed {} by {} (key {})",
                    metadata
                        .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
                        .orElse("a punctuation record"),
                    processor,
                    key);
              }
            });
  }

  /**
   * Runs a punctuation of a processor inside an observation of its own. It continues the trace of
   * the latest record the processor handled since its previous punctuation, so that what it
   * forwards (e.g. a batch of the records it collected) carries the trace of the latest input that
   * went into it; with no record since, it starts a new trace.
   */
  void punctuate(String processor, LastTrace last, Runnable work) {
    Headers parent = last.take();
    Observation.createNotStarted(
            OBSERVATION,
            () -> parent == null ? new Observation.Context() : new StreamsRecordContext(parent),
            registry)
        .contextualName(processor + " punctuate")
        .lowCardinalityKeyValue("ungis.streams.processor", processor)
        .lowCardinalityKeyValue("messaging.source.name", "punctuation")
        .observe(work);
  }

  /** The propagation headers of the current trace, or {@code null} outside one. */
  private Headers currentTrace() {
    if (tracer == null || propagator == null) {
      return null;
    }
    TraceContext current = tracer.currentTraceContext().context();
    if (current == null) {
      return null;
    }
    RecordHeaders trace = new RecordHeaders();
    propagator.inject(
        current,
        trace,
        (carrier, name, value) -> carrier.add(name, value.getBytes(StandardCharsets.UTF_8)));
    return trace;
  }

  /**
   * The trace of the latest record a processor handled since its last punctuation (one per
   * processor instance, used by its stream thread only).
   */
  static final class LastTrace {
    private Headers trace;

    void remember(Headers trace) {
      if (trace != null) {
        this.trace = trace;
      }
    }

    Headers take() {
      Headers taken = trace;
      trace = null;
      return taken;
    }
  }

  /**
   * The headers a forwarded record should carry: its own, with the current observation's {@code
   * traceparent} instead of any earlier one. Unchanged outside an observation or without tracing.
   */
  Headers forwardHeaders(Headers headers) {
    if (tracer == null || propagator == null) {
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

  /** The processing of one input record: its parent trace is read from the record's headers. */
  static final class StreamsRecordContext extends ReceiverContext<Headers> {
    StreamsRecordContext(Headers headers) {
      super(StreamsRecordContext::header, Kind.CONSUMER);
      setCarrier(headers == null ? new RecordHeaders() : headers);
      setRemoteServiceName("kafka");
    }

    private static String header(Headers headers, String name) {
      Header header = headers.lastHeader(name);
      return header == null || header.value() == null
          ? null
          : new String(header.value(), StandardCharsets.UTF_8);
    }
  }
}
