package org.ungis.contributions.contribution.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * Health "kafka": UP while the cluster answers a metadata request within two seconds. Part of the
 * readiness group, so an instance that cannot make writes durable is taken out of rotation while
 * the broker is away (the intake answers 503 meanwhile). Checked at most every two seconds.
 */
@Component("kafka")
class KafkaBrokerHealth implements HealthIndicator, DisposableBean {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final AdminClient admin;
  private volatile Health last = Health.unknown().build();
  private volatile long checkedAt = Long.MIN_VALUE / 2;

  KafkaBrokerHealth(KafkaAdmin kafkaAdmin) {
    this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
  }

  @Override
  public Health health() {
    long now = System.nanoTime();
    if (now - checkedAt < TIMEOUT.toNanos()) {
      return last;
    }
    Health health;
    try {
      int nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
              .nodes()
              .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS)
              .size();
      health = Health.up().withDetail("nodes", nodes).build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      health = Health.down(e).build();
    } catch (Exception e) {
      health = Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
    last = health;
    checkedAt = System.nanoTime();
    return health;
  }

  @Override
  public void destroy() {
    admin.close(Duration.ofSeconds(2));
  }
}
