package org.ungis.review.call;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.ReviewSettings;
import org.ungis.review.command.BusyException;
import org.ungis.review.command.IdempotentRequest;
import org.ungis.review.command.InFlightRequests;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;
import org.ungis.streams.KeyedLocks;

/**
 * Opens, extends and closes calls for inputs: loads the call from the view, lets the aggregate
 * check the rules, publishes the new snapshot and waits for the view to show it. With several
 * instances, ownership of the call's partition is checked again right before the write (503 if it
 * moved while the request waited).
 */
public class ProcessCommands {

  /** What the publish-then-wait returned. */
  public record Result(CallForInputs call, String eventId, boolean replayed) {}

  private final CallViews views;
  private final CallEvents publisher;
  private final Rota rota;
  private final Clock clock;
  private final ReviewSettings settings;
  private final CallOwnership ownership;
  private final KeyedLocks locks = new KeyedLocks(BusyException::new);
  private final InFlightRequests requests = new InFlightRequests();

  /** Snapshots written but not yet seen in the view (the wait for it timed out); per call id. */
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  private record InFlight(CallForInputs call, CompletableFuture<Void> applied) {}

  public ProcessCommands(
      CallViews views,
      CallEvents publisher,
      Rota rota,
      Clock clock,
      ReviewSettings settings,
      CallOwnership ownership) {
    this.views = views;
    this.publisher = publisher;
    this.rota = rota;
    this.clock = clock;
    this.settings = settings;
    this.ownership = ownership;
  }

  public Result open(
      Actor actor,
      String id,
      String title,
      String description,
      Instant deadline,
      Integer requiredApprovals,
      IdempotentRequest request) {
    return open(
        actor, id, title, description, deadline, requiredApprovals, null, null, null, request);
  }

  /**
   * Opens a call with its joint input's symbol (unique across calls), language and rule on
   * withdrawals after closure ({@code null}s take the defaults).
   */
  public Result open(
      Actor actor,
      String id,
      String title,
      String description,
      Instant deadline,
      Integer requiredApprovals,
      String symbol,
      String language,
      String withdrawals,
      IdempotentRequest request) {
    Optional<Result> replayed = replay(request);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    Instant now = now();
    CallForInputs call =
        CallForInputs.open(
            rota,
            actor,
            id,
            title,
            description,
            deadline,
            requiredApprovals,
            symbol,
            language,
            withdrawals,
            now);
    return locks.withLock(
        call.id(),
        settings.lockTimeout(),
        () -> {
          ownership.awaitHandover(call.id(), settings.viewTimeout());
          Optional<Result> again = replay(request);
          if (again.isPresent()) {
            return again.get();
          }
          if (current(call.id()).isPresent()) {
            throw RuleViolation.conflict(
                Reasons.CALL_EXISTS, "a call for inputs with id " + call.id() + " exists");
          }
          String chosen = call.document().symbol();
          if (views.calls().stream()
              .anyMatch(c -> !c.id().equals(call.id()) && c.document().symbol().equals(chosen))) {
            throw RuleViolation.conflict(
                Reasons.SYMBOL_EXISTS, "another call for inputs has the symbol " + chosen);
          }
          return publish(call, CallEvent.OPENED, actor, now, request);
        });
  }

  public Result close(Actor actor, String id, IdempotentRequest request) {
    return locks.withLock(
        id,
        settings.lockTimeout(),
        () -> {
          ownership.awaitHandover(id, settings.viewTimeout());
          Optional<Result> replayed = replay(request);
          if (replayed.isPresent()) {
            return replayed.get();
          }
          Instant now = now();
          CallForInputs closed = existing(id).close(rota, actor, now);
          return publish(closed, CallEvent.CLOSED, actor, now, request);
        });
  }

  public Result grantExtension(
      Actor actor,
      String id,
      String agency,
      Instant deadline,
      String reason,
      IdempotentRequest request) {
    return locks.withLock(
        id,
        settings.lockTimeout(),
        () -> {
          ownership.awaitHandover(id, settings.viewTimeout());
          Optional<Result> replayed = replay(request);
          if (replayed.isPresent()) {
            return replayed.get();
          }
          Instant now = now();
          CallForInputs extended =
              existing(id).grantExtension(rota, actor, agency, deadline, reason, now);
          return publish(extended, CallEvent.EXTENSION_GRANTED, actor, now, request);
        });
  }

  /** The chair writes or corrects the joint input's introduction and conclusion. */
  public Result frame(Actor actor, String id, String introduction, String conclusion) {
    return update(
        id, actor, (call, now) -> call.withFraming(rota, actor, introduction, conclusion, now));
  }

  /** The chair sets the joint input's language and the rule on withdrawals after closure. */
  public Result configureDocument(Actor actor, String id, String language, String withdrawals) {
    return update(
        id,
        actor,
        (call, now) -> call.withDocumentSettings(rota, actor, language, withdrawals, now));
  }

  private Result update(
      String id,
      Actor actor,
      java.util.function.BiFunction<CallForInputs, Instant, CallForInputs> change) {
    return locks.withLock(
        id,
        settings.lockTimeout(),
        () -> {
          ownership.awaitHandover(id, settings.viewTimeout());
          Instant now = now();
          CallForInputs changed = change.apply(existing(id), now);
          return publish(changed, CallEvent.UPDATED, actor, now, null);
        });
  }

  public CallForInputs find(String id) {
    return views
        .call(id)
        .orElseThrow(
            () -> RuleViolation.notFound(Reasons.NOT_FOUND, "no call for inputs with id " + id));
  }

  private CallForInputs existing(String id) {
    return current(id)
        .orElseThrow(
            () -> RuleViolation.notFound(Reasons.NOT_FOUND, "no call for inputs with id " + id));
  }

  /** The call as this instance last wrote or saw it; call holding the call's lock. */
  private Optional<CallForInputs> current(String id) {
    InFlight pending = inFlight.get(id);
    if (pending != null) {
      if (!pending.applied().isDone()) {
        return Optional.of(pending.call());
      }
      inFlight.remove(id, pending);
    }
    return views.call(id);
  }

  public List<CallForInputs> all() {
    return views.calls().stream().sorted(Comparator.comparing(CallForInputs::id)).toList();
  }

  /** Now, to the millisecond: the precision of the events' timestamps. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** The result of an earlier request with the same Idempotency-Key: the call as it is now. */
  private Optional<Result> replay(IdempotentRequest request) {
    return requests
        .find(request, views::callRequest)
        .map(r -> new Result(existing(r.subject()), r.eventId(), true));
  }

  private Result publish(
      CallForInputs call, CallEvent what, Actor actor, Instant now, IdempotentRequest request) {
    ReviewerRole role = rota.roleAt(actor.agency(), now).orElse(null);
    // The call was read under its lock, maybe before a rebalance moved its partition: write only
    // if this instance still owns it, else 503. Always true with one instance.
    ownership.checkServedHere(call.id());
    var written = publisher.call(call, what, actor, role, now, request);
    if (!written.awaitView(settings.viewTimeout())) {
      if (written.refusedByView()) {
        // another instance closed the call meanwhile (a handover): closed is final
        throw RuleViolation.conflict(
            Reasons.CALL_CLOSED,
            "the call " + call.id() + " was closed meanwhile; the change was not applied");
      }
      inFlight.put(call.id(), new InFlight(call, written.applied()));
      requests.add(request, written, call.id());
    }
    return new Result(call, written.eventId(), false);
  }
}
