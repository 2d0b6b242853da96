package org.ungis.registry.server;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.ungis.registry.server.core.RegistryService;

/** Periodically removes losing claims whose writer crashed before removing them. */
final class LoserSweeper implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(LoserSweeper.class);

  private final RegistryService registry;
  private final Duration period;
  private ScheduledExecutorService executor;

  LoserSweeper(RegistryService registry, Duration period) {
    this.registry = registry;
    this.period = period;
  }

  @Override
  public void start() {
    executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "schema-registry-loser-sweeper");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::sweep, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    try {
      registry.removeStaleLosers();
    } catch (RuntimeException e) {
      LOG.warn("Could not remove stale losing claims: {}", e.getMessage());
    }
  }

  @Override
  public void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
