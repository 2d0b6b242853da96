package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerTimingTest {

  @Test
  void theValueIsTheAppMetricInMillisecondsWithOneDecimal() {
    assertThat(ServerTiming.value(12_345_678L)).isEqualTo("app;dur=12.3");
    assertThat(ServerTiming.value(150_000_000L)).isEqualTo("app;dur=150.0");
    assertThat(ServerTiming.value(0)).isEqualTo("app;dur=0.0");
  }
}
