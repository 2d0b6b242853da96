package org.ungis.observability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/**
 * Traces Kafka Streams processing the way Spring Boot traces HTTP calls and Spring Kafka traces
 * {@code KafkaTemplate} sends: every processor of the service's topology runs inside a span that
 * continues the input record's {@code traceparent} and writes it on what it forwards (see {@link
 * StreamsTracing}). Tracing itself (Brave, W3C propagation, trace ids in the MDC) is Spring Boot's,
 * from the dependencies this library brings; nothing is exported unless a service adds an exporter.
 */
@AutoConfiguration(
    afterName = {
      "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration",
      "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration"
    })
@ConditionalOnClass({KafkaStreams.class, StreamsBuilderFactoryBean.class})
@ConditionalOnBooleanProperty(name = "ungis.observability.streams.enabled", matchIfMissing = true)
@EnableConfigurationProperties(UngisObservabilityProperties.class)
public final class PlatformObservabilityAutoConfiguration {

  /** Adds {@link StreamsTracing} to the configuration of every streams builder factory bean. */
  @Bean
  static StreamsBuilderFactoryBeanConfigurer ungisStreamsTracing(
      ObjectProvider<MeterRegistry> meters,
      ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator,
      ObjectProvider<UngisObservabilityProperties> settings) {
    return factoryBean -> {
      Properties config = factoryBean.getStreamsConfiguration();
      if (config == null) {
        return;
      }
      new StreamsTracing(
              meters.getIfAvailable(),
              tracer.getIfAvailable(),
              propagator.getIfAvailable(),
              settings
                  .getIfAvailable(UngisObservabilityProperties::defaults)
                  .streams()
                  .logRecords())
          .addTo(config);
      factoryBean.setStreamsConfiguration(config);
    };
  }
}
