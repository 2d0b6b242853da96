package org.ungis.streams;

import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The HTTP address an instance advertises to the other instances of its Kafka Streams application
 * ({@code application.server}). Set, the service runs as one of several instances that answer for
 * the partitions they own; unset or blank, it is the only one.
 */
public final class AdvertisedEndpoint {

  private AdvertisedEndpoint() {}

  /**
   * @param streamsConfiguration the Kafka Streams configuration, or {@code null} before there is
   *     one
   * @return this instance's address, or empty when {@code application.server} is not set
   */
  public static Optional<HostInfo> of(Properties streamsConfiguration) {
    String endpoint =
        streamsConfiguration == null
            ? null
            : streamsConfiguration.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
    return endpoint == null || endpoint.isBlank()
        ? Optional.empty()
        : Optional.of(HostInfo.buildFromEndpoint(endpoint.trim()));
  }
}
