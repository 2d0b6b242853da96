package org.ungis.registry.server.store;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** Down until the registry has read its topic to the end; part of the readiness group. */
public final class StoreHealthIndicator implements HealthIndicator {

  private final KafkaSchemaLog log;
  private final String topic;

  public StoreHealthIndicator(KafkaSchemaLog log, String topic) {
    this.log = log;
    this.topic = topic;
  }

  @Override
  public Health health() {
    return log.isReady()
        ? Health.up().withDetail("topic", topic).build()
        : Health.outOfService().withDetail("topic", topic).withDetail("reason", "reading").build();
  }
}
