package org.ungis.benchmarks;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The targets of the intake in turn, one per request, as a round-robin load balancer in front of
 * several contributions-service instances would spread them. Thread-safe: the load generator's
 * callers take the next target concurrently.
 */
final class RoundRobin {

  private final List<String> targets;
  private final AtomicLong next = new AtomicLong();

  RoundRobin(List<String> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("no targets");
    }
    this.targets = List.copyOf(targets);
  }

  String next() {
    return targets.get((int) Math.floorMod(next.getAndIncrement(), (long) targets.size()));
  }

  List<String> targets() {
    return targets;
  }
}
