package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class AdvertisedEndpointTest {

  @Test
  void theAdvertisedAddressIsReadFromApplicationServer() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, " review-2.internal:8183 ");

    assertThat(AdvertisedEndpoint.of(config)).contains(new HostInfo("review-2.internal", 8183));
  }

  @Test
  void noAddressWhenItIsUnsetOrBlankOrThereIsNoConfigurationYet() {
    Properties blank = new Properties();
    blank.put(StreamsConfig.APPLICATION_SERVER_CONFIG, "  ");

    assertThat(AdvertisedEndpoint.of(new Properties())).isEmpty();
    assertThat(AdvertisedEndpoint.of(blank)).isEmpty();
    assertThat(AdvertisedEndpoint.of(null)).isEmpty();
  }
}
