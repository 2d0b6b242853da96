package org.ungis.review.review;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.ReviewSettings;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.command.BusyException;
import org.ungis.review.command.EventLogUnavailableException;
import org.ungis.review.command.IdempotentRequest;
import org.ungis.review.command.InFlightRequests;
import org.ungis.review.command.UnacknowledgedWriteException;
import org.ungis.review.command.Written;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;
import org.ungis.streams.KeyedLocks;

/**
 * Decides on contributions: loads the item, lets the aggregate decide, publishes the decision.
 *
 * <p>Decisions on one contribution are serialized within this instance by a lock per contribution
 * id. Under the lock the item is read from the view, completed with the decisions this instance has
 * written but the view has not shown yet (in flight), checked by the aggregate, written, and the
 * view awaited (bounded). So of two reviewers deciding the same revision at once, the second sees
 * the first's decision and is refused with 409.
 *
 * <p>With several instances, ownership of the contribution's partition is checked again right
 * before the decision (or refusal) is written, so an instance that lost the partition while the
 * request waited answers 503 instead of writing.
 */
public class ReviewCommands {

  /** A recorded decision and the id of its event. */
  public record Recorded(String eventId, ReviewDecision decision, boolean replayed) {}

  private record InFlight(
      String eventId, ReviewDecision decision, CompletableFuture<Void> applied) {}

  /** A decision written without an acknowledgement in time: it may still land. */
  private record Unacknowledged(
      Written written,
      ReviewDecision decision,
      IdempotentRequest request,
      CompletableFuture<?> acknowledged) {}

  private final ReviewViews views;
  private final ReviewEvents publisher;
  private final Rota rota;
  private final Clock clock;
  private final ReviewSettings settings;
  private final ItemOwnership ownership;
  private final KeyedLocks locks = new KeyedLocks(BusyException::new);
  private final InFlightRequests requests = new InFlightRequests();
  private final Map<String, List<InFlight>> inFlight = new ConcurrentHashMap<>();
  private final Map<String, Unacknowledged> unacknowledged = new ConcurrentHashMap<>();

  public ReviewCommands(
      ReviewViews views,
      ReviewEvents publisher,
      Rota rota,
      Clock clock,
      ReviewSettings settings,
      ItemOwnership ownership) {
    this.views = views;
    this.publisher = publisher;
    this.rota = rota;
    this.clock = clock;
    this.settings = settings;
    this.ownership = ownership;
  }

  /**
   * Records a reviewer's decision on a revision, or refuses it (and records the refusal).
   *
   * @throws RuleViolation INVALID (400), FORBIDDEN (403), NOT_FOUND (404) or CONFLICT (409)
   */
  public Recorded decide(
      Actor reviewer,
      String contributionId,
      Integer revision,
      Verdict decision,
      String comment,
      IdempotentRequest request) {
    if (revision == null || revision < 1) {
      throw RuleViolation.invalid("revision", "must be a revision number (1, 2, ...)");
    }
    if (decision == null) {
      throw RuleViolation.invalid("decision", "must be APPROVED, REJECTED or CHANGES_REQUESTED");
    }
    // A revision contributions-service has just accepted may not be in the view yet: wait for it
    // (bounded) rather than refuse a decision on it.
    int wanted = revision;
    views.itemWhen(contributionId, i -> i.revision() >= wanted, settings.viewTimeout());
    return locks.withLock(
        contributionId,
        settings.lockTimeout(),
        () -> {
          // just after a rebalance: first apply what the previous owner wrote last
          ownership.awaitHandover(contributionId, settings.viewTimeout());
          settleUnacknowledged(contributionId);
          Instant now = now();
          ReviewItem item = current(contributionId).orElseThrow(() -> notFound(contributionId));
          Optional<Recorded> replayed = replay(request, item);
          if (replayed.isPresent()) {
            return replayed.get();
          }
          CallForInputs call = views.anyCall(item.processId(), settings.viewTimeout()).orElse(null);
          ReviewDecision decided;
          try {
            decided = item.decide(rota, reviewer, revision, decision, comment, call, now);
          } catch (RuleViolation violation) {
            if (violation.isRuleOfReview()) {
              RefusedDecision refusal =
                  item.refusal(rota, reviewer, revision, decision, violation, now);
              ownership.checkServedHere(contributionId);
              publisher.refusal(refusal).awaitView(settings.viewTimeout());
            }
            throw violation;
          }
          // The item was read above, maybe before a rebalance moved its partition while this
          // request waited (lock, view, call): write only if this instance still owns it, else
          // 503 (the new owner decides on the retry). Always true with one instance.
          ownership.checkServedHere(contributionId);
          Written written;
          try {
            written = publisher.decision(decided, request);
          } catch (UnacknowledgedWriteException e) {
            unacknowledged.put(
                contributionId,
                new Unacknowledged(e.written(), decided, request, e.acknowledged()));
            throw e;
          }
          if (!written.awaitView(settings.viewTimeout())) {
            remember(contributionId, written, decided, request);
          }
          return new Recorded(written.eventId(), decided, false);
        });
  }

  /**
   * A decision on this contribution whose write was not acknowledged in time may still land, so
   * nothing is decided on it (503, the client retries) until the producer knows: once the write is
   * acknowledged it counts as written but not yet in the view (a retry with its key is replayed, a
   * later decision is checked against it); once it failed, it is forgotten. Call holding the item's
   * lock.
   */
  private void settleUnacknowledged(String contributionId) {
    Unacknowledged pending = unacknowledged.get(contributionId);
    if (pending == null) {
      return;
    }
    if (!pending.acknowledged().isDone()) {
      throw new EventLogUnavailableException(
          "an earlier decision on " + contributionId + " is not acknowledged yet", null);
    }
    unacknowledged.remove(contributionId);
    if (!pending.acknowledged().isCompletedExceptionally()) {
      remember(contributionId, pending.written(), pending.decision(), pending.request());
    }
  }

  /** A decision written but not yet in the view: this instance applies it itself meanwhile. */
  private void remember(
      String contributionId, Written written, ReviewDecision decided, IdempotentRequest request) {
    inFlight
        .computeIfAbsent(contributionId, k -> new ArrayList<>())
        .add(new InFlight(written.eventId(), decided, written.applied()));
    requests.add(request, written, contributionId);
  }

  /** The decision recorded for an earlier request with the same Idempotency-Key, if any. */
  private Optional<Recorded> replay(IdempotentRequest request, ReviewItem item) {
    return requests
        .find(request, views::decisionRequest)
        .flatMap(
            r ->
                item.history().stream()
                    .filter(h -> h.eventId().equals(r.eventId()))
                    .findFirst()
                    .map(
                        h ->
                            new Recorded(
                                h.eventId(),
                                new ReviewDecision(
                                    item.contributionId(),
                                    item.processId(),
                                    item.agency(),
                                    h.revision(),
                                    new Actor(h.agency(), h.principal()),
                                    ReviewerRole.valueOf(h.role()),
                                    h.decision(),
                                    h.comment(),
                                    h.outcome(),
                                    h.at()),
                                true)));
  }

  public ReviewItem item(String contributionId) {
    return views.item(contributionId).orElseThrow(() -> notFound(contributionId));
  }

  /**
   * The item once its current revision is at least {@code revision} (long-poll), or as it is when
   * the view timeout is up.
   */
  public ReviewItem item(String contributionId, int revision) {
    return views
        .itemWhen(contributionId, i -> i.revision() >= revision, settings.viewTimeout())
        .orElseThrow(() -> notFound(contributionId));
  }

  /** The item as this instance last wrote or saw it; call holding the item's lock. */
  private Optional<ReviewItem> current(String contributionId) {
    Optional<ReviewItem> seen = views.item(contributionId);
    List<InFlight> pending = inFlight.get(contributionId);
    if (pending == null || seen.isEmpty()) {
      return seen;
    }
    pending.removeIf(p -> p.applied().isDone());
    if (pending.isEmpty()) {
      inFlight.remove(contributionId);
      return seen;
    }
    ReviewItem item = seen.get();
    for (InFlight p : pending) {
      ReviewDecision d = p.decision();
      item =
          item.recorded(
              p.eventId(),
              d.revision(),
              d.reviewer(),
              d.role().name(),
              d.decision(),
              d.comment(),
              d.outcome(),
              d.at());
    }
    return Optional.of(item);
  }

  /** Now, to the millisecond: the precision of the events' timestamps. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static RuleViolation notFound(String contributionId) {
    return RuleViolation.notFound(
        Reasons.NOT_FOUND, "no contribution " + contributionId + " under review");
  }
}
