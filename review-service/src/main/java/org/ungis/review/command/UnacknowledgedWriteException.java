package org.ungis.review.command;

import java.util.concurrent.CompletableFuture;

/**
 * An event was handed to the producer but not acknowledged within the send timeout: the answer is
 * 503, yet the producer keeps the record and may still write it (e.g. once a frozen broker or this
 * frozen process resumes). {@link #acknowledged()} completes when the producer knows, normally or
 * exceptionally; {@link #written()} is the event as it will be if it lands.
 */
public class UnacknowledgedWriteException extends EventLogUnavailableException {

  private final transient Written written;
  private final transient CompletableFuture<?> acknowledged;

  public UnacknowledgedWriteException(
      String message, Throwable cause, Written written, CompletableFuture<?> acknowledged) {
    super(message, cause);
    this.written = written;
    this.acknowledged = acknowledged;
  }

  public Written written() {
    return written;
  }

  public CompletableFuture<?> acknowledged() {
    return acknowledged;
  }
}
