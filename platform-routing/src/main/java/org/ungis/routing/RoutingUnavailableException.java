package org.ungis.routing;

/**
 * The request cannot be served right now because it is not known, or not settled, which instance
 * holds its data (starting, rebalancing, a partition in handover, an instance that did not answer).
 * Each service answers it as its 503 {@code unavailable} problem, with {@code Retry-After}.
 */
public class RoutingUnavailableException extends RuntimeException {

  public RoutingUnavailableException(String message) {
    super(message);
  }
}
