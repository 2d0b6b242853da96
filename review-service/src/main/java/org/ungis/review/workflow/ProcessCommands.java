package org.ungis.review.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.ReviewSettings;
import org.ungis.review.messaging.EventPublisher;
import org.ungis.review.messaging.EventPublisher.CallEvent;
import org.ungis.review.messaging.Views;
import org.ungis.review.process.CallForInputs;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;

/**
 * Opens, extends and closes calls for inputs: loads the call from the view, lets the aggregate
 * check the rules, publishes the new snapshot and waits for the view to show it.
 */
@Service
public class ProcessCommands {

  /** What the publish-then-wait returned. */
  public record Result(CallForInputs call, String eventId) {}

  private final Views views;
  private final EventPublisher publisher;
  private final Rota rota;
  private final Clock clock;
  private final ReviewSettings settings;
  private final KeyedLocks locks = new KeyedLocks();

  /** Snapshots written but not yet seen in the view (the wait for it timed out); per call id. */
  private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();

  private record InFlight(CallForInputs call, CompletableFuture<Void> applied) {}

  ProcessCommands(
      Views views, EventPublisher publisher, Rota rota, Clock clock, ReviewSettings settings) {
    this.views = views;
    this.publisher = publisher;
    this.rota = rota;
    this.clock = clock;
    this.settings = settings;
  }

  public Result open(
      Actor actor,
      String id,
      String title,
      String description,
      Instant deadline,
      Integer requiredApprovals) {
    Instant now = clock.instant();
    CallForInputs call =
        CallForInputs.open(rota, actor, id, title, description, deadline, requiredApprovals, now);
    return locks.withLock(
        call.id(),
        settings.lockTimeout(),
        () -> {
          if (current(call.id()).isPresent()) {
            throw RuleViolation.conflict(
                Reasons.CALL_EXISTS, "a call for inputs with id " + call.id() + " exists");
          }
          return publish(call, CallEvent.OPENED, actor, now);
        });
  }

  public Result close(Actor actor, String id) {
    return locks.withLock(
        id,
        settings.lockTimeout(),
        () -> {
          Instant now = clock.instant();
          CallForInputs closed = existing(id).close(rota, actor, now);
          return publish(closed, CallEvent.CLOSED, actor, now);
        });
  }

  public Result grantExtension(
      Actor actor, String id, String agency, Instant deadline, String reason) {
    return locks.withLock(
        id,
        settings.lockTimeout(),
        () -> {
          Instant now = clock.instant();
          CallForInputs extended =
              existing(id).grantExtension(rota, actor, agency, deadline, reason, now);
          return publish(extended, CallEvent.EXTENSION_GRANTED, actor, now);
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

  private Result publish(CallForInputs call, CallEvent what, Actor actor, Instant now) {
    ReviewerRole role = rota.roleAt(actor.agency(), now).orElse(null);
    var written = publisher.call(call, what, actor, role, now);
    if (!written.awaitView(settings.viewTimeout())) {
      inFlight.put(call.id(), new InFlight(call, written.applied()));
    }
    return new Result(call, written.eventId());
  }
}
