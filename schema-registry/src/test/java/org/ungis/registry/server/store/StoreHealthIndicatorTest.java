package org.ungis.registry.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.ungis.registry.server.core.RegistryState;

class StoreHealthIndicatorTest {

  @Test
  void isOutOfServiceUntilTheTopicHasBeenRead() {
    KafkaSchemaLog notStarted =
        new KafkaSchemaLog(
            Map.of(),
            Map.of(),
            Map.of(),
            new KafkaSchemaLog.Settings(
                "_schemas", (short) 1, Duration.ofSeconds(1), Duration.ofSeconds(1)),
            new RegistryState());

    assertThat(new StoreHealthIndicator(notStarted, "_schemas").health().getStatus())
        .isEqualTo(Status.OUT_OF_SERVICE);
  }
}
