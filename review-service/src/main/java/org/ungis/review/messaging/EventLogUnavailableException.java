package org.ungis.review.messaging;

/** An event could not be made durable in Kafka in time; nothing was accepted. */
public class EventLogUnavailableException extends RuntimeException {
  public EventLogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
