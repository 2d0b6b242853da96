package org.ungis.publication.record.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The gauge {@code ungis.records.input.lag}: how many records the stream threads have yet to read
 * from their input topics (the three input topics and the repartition topic), summed over the
 * partitions they are assigned, read from the consumers' own {@code records-lag} metrics at every
 * scrape.
 *
 * <p>The Kafka client metrics bound by Spring Kafka's {@code KafkaStreamsMicrometerListener} carry
 * the same figure per partition ({@code
 * kafka_consumer_fetch_manager_records_lag{topic,partition}}), but Micrometer binds new
 * per-partition metrics only on its periodic refresh (every minute) and then drops the client-level
 * ones with fewer tags; this one figure is there from the start and needs no query across labels.
 * {@code NaN} while the streams client is not running.
 */
@Component
class StreamsInputLag {

  static final String NAME = "ungis.records.input.lag";

  private static final Pattern STREAM_THREAD_CONSUMER =
      Pattern.compile(".*-StreamThread-\\d+-consumer");

  StreamsInputLag(StreamsBuilderFactoryBean streams, MeterRegistry meters) {
    Gauge.builder(NAME, streams, StreamsInputLag::lag)
        .description(
            "Records the publication stream threads have yet to read from their input topics")
        .baseUnit("records")
        .register(meters);
  }

  static double lag(StreamsBuilderFactoryBean streams) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
      return Double.NaN;
    }
    return lag(kafkaStreams.metrics());
  }

  static double lag(Map<MetricName, ? extends Metric> metrics) {
    double total = 0;
    for (Map.Entry<MetricName, ? extends Metric> metric : metrics.entrySet()) {
      MetricName name = metric.getKey();
      if (name.name().equals("records-lag")
          && name.group().equals("consumer-fetch-manager-metrics")
          && name.tags().containsKey("partition")
          && STREAM_THREAD_CONSUMER.matcher(name.tags().getOrDefault("client-id", "")).matches()
          && metric.getValue().metricValue() instanceof Number value
          && !Double.isNaN(value.doubleValue())) {
        total += value.doubleValue();
      }
    }
    return total;
  }
}
