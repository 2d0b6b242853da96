package org.ungis.review.command;

/**
 * An event could not be made durable in Kafka in time; nothing was accepted (but see {@link
 * UnacknowledgedWriteException}: a write not acknowledged in time may still land).
 */
public class EventLogUnavailableException extends RuntimeException {
  public EventLogUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
