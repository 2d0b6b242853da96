package org.ungis.review.command;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An event durably written to its topic, and the signal that the local view has applied it.
 *
 * @param eventId the event's id
 */
public record Written(String eventId, CompletableFuture<Void> applied) {

  /**
   * Waits, bounded, until the local view reflects the event.
   *
   * @return whether it did within the timeout
   */
  public boolean awaitView(Duration timeout) {
    try {
      applied.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * True when the view refused the event (it went to the dead-letter topic and will never be
   * applied), e.g. an extension written from a stale view of a call that was closed meanwhile.
   */
  public boolean refusedByView() {
    return applied.isCompletedExceptionally();
  }
}
