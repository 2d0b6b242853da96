package org.ungis.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** What a service gets from the auto-configuration next to Spring Boot's own. */
class PlatformObservabilityAutoConfigurationTest {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  ObservationAutoConfiguration.class,
                  MicrometerTracingAutoConfiguration.class,
                  BraveAutoConfiguration.class,
                  KafkaAutoConfiguration.class,
                  PlatformObservabilityAutoConfiguration.class))
          .withUserConfiguration(StreamsService.class)
          .withPropertyValues(
              "spring.kafka.streams.application-id=observed",
              "spring.kafka.streams.auto-startup=false");

  @Test
  void theServiceTopologyIsTracedWithBootsTracer() {
    runner.run(
        context -> {
          Properties config =
              context.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
          assertThat(config.get(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG))
              .isEqualTo(TracedProcessorWrapper.class.getName());
          assertThat(config.get(StreamsTracing.CONFIG))
              .isInstanceOfSatisfying(
                  StreamsTracing.class,
                  tracing ->
                      assertThat(tracing).extracting("tracer", "propagator").doesNotContainNull());
        });
  }

  @Test
  void itCanBeSwitchedOff() {
    runner
        .withPropertyValues("ungis.observability.streams.enabled=false")
        .run(
            context -> {
              Properties config =
                  context.getBean(StreamsBuilderFactoryBean.class).getStreamsConfiguration();
              assertThat(config)
                  .doesNotContainKeys(
                      StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, StreamsTracing.CONFIG);
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableKafkaStreams
  static class StreamsService {}
}
