package org.ungis.e2e;

import java.time.Duration;

/**
 * Prints how long each step of a long test takes, so its output says where the time goes: {@code
 * [label] step: 1234 ms (at 56.7 s)}, the step's own time and the time since the clock started.
 */
public final class StepClock {

  private final String label;
  private final long started = System.nanoTime();
  private long last = started;

  private StepClock(String label) {
    this.label = label;
  }

  public static StepClock start(String label) {
    return new StepClock(label);
  }

  /** Prints the time since the previous step (or the start) under this name; returns it. */
  public synchronized Duration step(String name) {
    long now = System.nanoTime();
    Duration took = Duration.ofNanos(now - last);
    last = now;
    System.out.printf(
        "[%s] %s: %d ms (at %.1f s)%n",
        label, name, took.toMillis(), (now - started) / 1_000_000_000.0);
    return took;
  }
}
