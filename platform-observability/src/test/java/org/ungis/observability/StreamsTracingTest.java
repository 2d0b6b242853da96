package org.ungis.observability;

import static org.assertj.core.api.Assertions.assertThat;

import brave.Tracing;
import brave.context.slf4j.MDCScopeDecorator;
import brave.propagation.ThreadLocalCurrentTraceContext;
import brave.sampler.Sampler;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.brave.bridge.BraveCurrentTraceContext;
import io.micrometer.tracing.brave.bridge.BravePropagator;
import io.micrometer.tracing.brave.bridge.BraveTracer;
import io.micrometer.tracing.brave.bridge.W3CPropagation;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A two-stage topology (a processor that forwards the input with a new value, a fixed-key
 * processor, a repartition topic, then a processor that forwards a new {@code Record} without the
 * input's headers) run with the tracing wrapper, a real Brave tracer and W3C propagation.
 */
class StreamsTracingTest {

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  static final String PARENT_SPAN = "00f067aa0ba902b7";

  final Tracing brave =
      Tracing.newBuilder()
          .currentTraceContext(
              ThreadLocalCurrentTraceContext.newBuilder()
                  .addScopeDecorator(MDCScopeDecorator.get())
                  .build())
          .propagationFactory(new W3CPropagation())
          .traceId128Bit(true)
          .sampler(Sampler.ALWAYS_SAMPLE)
          .build();
  final Tracer tracer =
      new BraveTracer(brave.tracer(), new BraveCurrentTraceContext(brave.currentTraceContext()));
  final Propagator propagator = new BravePropagator(brave);
  final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  final ListAppender<ILoggingEvent> processed =
      new ListAppender<>() {
        @Override
        protected void append(ILoggingEvent event) {
          event.getMDCPropertyMap(); // taken now, while the scope is open
          super.append(event);
        }
      };
  final Logger recordsLogger = (Logger) LoggerFactory.getLogger(StreamsTracing.RECORDS_LOGGER);

  TopologyTestDriver driver;

  @BeforeEach
  void setUp() {
    processed.start();
    recordsLogger.setLevel(Level.DEBUG); // as an operator following records would set it
    recordsLogger.addAppender(processed);
  }

  @AfterEach
  void tearDown() {
    if (driver != null) {
      driver.close();
    }
    recordsLogger.detachAppender(processed);
    recordsLogger.setLevel(null);
    brave.close();
  }

  @Test
  void aRecordKeepsItsTraceThroughEveryProcessorAndRepartitionToTheOutput() {
    start(new StreamsTracing(meters, tracer, propagator, true));
    Headers headers = new RecordHeaders();
    headers.add("traceparent", ("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01").getBytes());
    headers.add("idempotency-key", "k-1".getBytes());

    in().pipeInput(new TestRecord<>("c-1", "submitted", headers));

    TestRecord<String, String> result = out().readRecord();
    assertThat(result.value()).isEqualTo("SUBMITTED!");
    String traceparent = header(result.headers(), "traceparent");
    assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").endsWith("-01");
    assertThat(traceparent).doesNotContain(PARENT_SPAN);
    assertThat(result.headers().headers("traceparent")).hasSize(1);
    assertThat(header(result.headers(), "idempotency-key"))
        .as("the processor built a new record; only the trace is added")
        .isNull();

    assertThat(processed.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .satisfiesExactly(
            first -> assertThat(first).startsWith("processed in-0@0 by first (key c-1)"),
            second ->
                assertThat(second)
                    .contains("by-value-repartition-0@0")
                    .contains("by second (key SUBMITTED)"));
    assertThat(processed.list)
        .extracting(e -> e.getMDCPropertyMap().get("traceId"))
        .containsOnly(TRACE_ID);
    assertThat(processed.list.get(1).getMDCPropertyMap().get("spanId"))
        .as("the second stage is a child of the first")
        .isNotEqualTo(processed.list.get(0).getMDCPropertyMap().get("spanId"))
        .isEqualTo(traceparent.split("-")[2]);
  }

  @Test
  void eachRecordIsTimedOnceByTheFirstProcessorOfEachStage() {
    start(new StreamsTracing(meters, tracer, propagator, false));

    in().pipeInput("c-6", "submitted");
    in().pipeInput("c-7", "revised");
    out().readRecordsToList();

    assertThat(
            meters
                .get(StreamsTracing.OBSERVATION)
                .tags("ungis.streams.processor", "first", "messaging.source.name", "in")
                .tag("error", "none")
                .timer()
                .count())
        .isEqualTo(2);
    assertThat(
            meters.get(StreamsTracing.OBSERVATION).tag("ungis.streams.processor", "second").timer())
        .satisfies(t -> assertThat(t.count()).isEqualTo(2));
    assertThat(
            meters
                .find(StreamsTracing.OBSERVATION)
                .tag("ungis.streams.processor", "exclaim")
                .timers())
        .as("a processor that the record reaches within its stage runs in the first one's time")
        .isEmpty();
  }

  @Test
  void aRecordWithoutTraceStartsOneThatTheOutputCarries() {
    start(new StreamsTracing(meters, tracer, propagator, true));

    in().pipeInput("c-2", "revised");

    String traceparent = header(out().readRecord().headers(), "traceparent");
    assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
    String traceId = traceparent.split("-")[1];
    assertThat(processed.list)
        .extracting(e -> e.getMDCPropertyMap().get("traceId"))
        .containsExactly(traceId, traceId);
  }

  @Test
  void withoutTracingTheRecordsAreForwardedAsTheProcessorsBuildThem() {
    start(new StreamsTracing(meters, null, null, false));
    Headers headers = new RecordHeaders();
    headers.add("traceparent", ("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01").getBytes());

    in().pipeInput(new TestRecord<>("c-3", "withdrawn", headers));

    assertThat(out().readRecord().headers().toArray()).isEmpty();
    assertThat(processed.list).isEmpty();
  }

  @Test
  void aTopologyBuiltWithoutTheTracingIsLeftAlone() {
    start(null);

    in().pipeInput("c-4", "submitted");

    assertThat(out().readRecord().value()).isEqualTo("SUBMITTED!");
    assertThat(processed.list).isEmpty();
  }

  @Test
  void whatAPunctuationForwardsContinuesTheTraceOfTheLatestRecordBefore() {
    Properties config = config(new StreamsTracing(meters, tracer, propagator, true));
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(Batch::new, Named.as("batch"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    driver = new TopologyTestDriver(builder.build(), config);
    Headers headers = new RecordHeaders();
    headers.add("traceparent", ("00-" + TRACE_ID + "-" + PARENT_SPAN + "-01").getBytes());
    in().pipeInput("c-4", "submitted");
    in().pipeInput(new TestRecord<>("c-5", "approved", headers));
    assertThat(out().isEmpty()).isTrue();

    driver.advanceWallClockTime(java.time.Duration.ofSeconds(2));

    TestRecord<String, String> batch = out().readRecord();
    assertThat(batch.value()).isEqualTo("submitted,approved");
    assertThat(header(batch.headers(), "traceparent"))
        .matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01")
        .doesNotContain(PARENT_SPAN);
  }

  private static Properties config(StreamsTracing tracing) {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "tracing-test");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
    if (tracing != null) {
      tracing.addTo(config);
    }
    return config;
  }

  private void start(StreamsTracing tracing) {
    Properties config = config(tracing);
    StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
    builder.stream("in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(UpperCase::new, Named.as("first"))
        .processValues(Exclaim::new, Named.as("exclaim"))
        .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("by-value"))
        .process(NewRecord::new, Named.as("second"))
        .to("out", Produced.with(Serdes.String(), Serdes.String()));
    driver = new TopologyTestDriver(builder.build(), config);
  }

  private TestInputTopic<String, String> in() {
    return driver.createInputTopic("in", new StringSerializer(), new StringSerializer());
  }

  private TestOutputTopic<String, String> out() {
    return driver.createOutputTopic("out", new StringDeserializer(), new StringDeserializer());
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  static String names(List<ILoggingEvent> events) {
    return events.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .collect(Collectors.joining("\n"));
  }

  /** Forwards the input with a new value and a new key (so its headers, with the new trace). */
  static final class UpperCase implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
      String upper = record.value().toUpperCase();
      context.forward(record.withKey(upper).withValue(upper));
    }
  }

  static final class Exclaim implements FixedKeyProcessor<String, String, String> {
    private FixedKeyProcessorContext<String, String> context;

    @Override
    public void init(FixedKeyProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<String, String> record) {
      context.forward(record.withValue(record.value() + "!"));
    }
  }

  /** Forwards a record it builds itself, without the input's headers. */
  static final class NewRecord implements Processor<String, String, String, String> {
    private ProcessorContext<String, String> context;

    @Override
    public void init(ProcessorContext<String, String> context) {
      this.context = context;
    }

    @Override
    public void process(Record<String, String> record) {
      context.forward(new Record<>(record.key(), record.value(), record.timestamp()));
    }
  }

  /** Collects values and forwards them as one record from a wall-clock punctuation. */
  static final class Batch implements Processor<String, String, String, String> {
    private final List<String> pending = new java.util.ArrayList<>();

    @Override
    public void init(ProcessorContext<String, String> context) {
      context.schedule(
          java.time.Duration.ofSeconds(1),
          org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
          timestamp -> {
            if (!pending.isEmpty()) {
              context.forward(new Record<>("batch", String.join(",", pending), timestamp));
              pending.clear();
            }
          });
    }

    @Override
    public void process(Record<String, String> record) {
      pending.add(record.value());
    }
  }
}
