package org.ungis.review.command;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers requests with an Idempotency-Key: from the view (rebuilt from the topics) and, for the
 * writes of this instance whose event the view has not shown yet (the bounded wait timed out), from
 * memory, so that a quick retry is recognised too.
 */
public final class InFlightRequests {

  private record Entry(RememberedRequest request, CompletableFuture<Void> applied) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public void add(IdempotentRequest request, Written written, String subject) {
    if (request != null && !written.applied().isDone()) {
      entries.put(
          request.storeKey(),
          new Entry(
              new RememberedRequest(request.fingerprint(), written.eventId(), subject),
              written.applied()));
    }
  }

  /**
   * The earlier request with the same key, if any.
   *
   * @throws IdempotencyKeyReusedException when the key was used for a different request
   */
  public Optional<RememberedRequest> find(
      IdempotentRequest request, Function<String, Optional<RememberedRequest>> view) {
    if (request == null) {
      return Optional.empty();
    }
    Optional<RememberedRequest> found = Optional.empty();
    Entry entry = entries.get(request.storeKey());
    if (entry != null) {
      if (entry.applied().isDone()) {
        entries.remove(request.storeKey(), entry);
      } else {
        found = Optional.of(entry.request());
      }
    }
    if (found.isEmpty()) {
      found = view.apply(request.storeKey());
    }
    if (found.isPresent() && !found.get().fingerprint().equals(request.fingerprint())) {
      throw new IdempotencyKeyReusedException(request.key());
    }
    return found;
  }
}
