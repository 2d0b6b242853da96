package org.ungis.review.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * Lets a writer wait until the local view reflects the event it produced (read-your-writes): it
 * registers the event id before sending, the processor completes it after updating the store.
 */
@Component
public class ViewWatcher implements ViewListener {

  private final ConcurrentMap<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, CompletableFuture<Void>> items = new ConcurrentHashMap<>();

  /** Completes at the next change of a contribution's review item; register before reading. */
  CompletableFuture<Void> nextItemUpdate(String contributionId) {
    return items.computeIfAbsent(contributionId, id -> new CompletableFuture<>());
  }

  @Override
  public void itemUpdated(String contributionId) {
    CompletableFuture<Void> future = items.remove(contributionId);
    if (future != null) {
      future.complete(null);
    }
  }

  /** Registers interest in an event id; call before producing the event. */
  CompletableFuture<Void> expect(String eventId) {
    return waiting.computeIfAbsent(eventId, id -> new CompletableFuture<>());
  }

  void forget(String eventId) {
    waiting.remove(eventId);
  }

  @Override
  public void refused(String eventId) {
    CompletableFuture<Void> future = waiting.remove(eventId);
    if (future != null) {
      future.completeExceptionally(new RefusedByViewException(eventId));
    }
  }

  /** Completes the future of an event that the view refused. */
  static final class RefusedByViewException extends RuntimeException {
    RefusedByViewException(String eventId) {
      super("the view refused the event " + eventId);
    }
  }

  @Override
  public void applied(String eventId) {
    CompletableFuture<Void> future = waiting.remove(eventId);
    if (future != null) {
      future.complete(null);
    }
  }
}
