package org.ungis.observability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code ungis.observability}.
 *
 * @param streams the tracing of Kafka Streams processing
 */
@ConfigurationProperties("ungis.observability")
public record UngisObservabilityProperties(@DefaultValue Streams streams) {

  static UngisObservabilityProperties defaults() {
    return new UngisObservabilityProperties(new Streams(true, true));
  }

  /**
   * @param enabled whether the processors of the service's topology are traced
   * @param logRecords whether each processed record is logged ({@code DEBUG}, logger {@value
   *     StreamsTracing#RECORDS_LOGGER}, so only when that logger is set to {@code DEBUG}), with the
   *     trace id in the MDC
   */
  public record Streams(
      @DefaultValue("true") boolean enabled, @DefaultValue("true") boolean logRecords) {}
}
