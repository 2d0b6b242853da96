package org.ungis.contributions.contribution;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.ungis.reference.Roster;
import org.ungis.streams.IdempotencyHeaders;
import org.ungis.streams.KeyedLocks;

/**
 * The intake use cases: load from the views, let the aggregate decide, publish, and answer once the
 * broker has acknowledged the event. The view folds it a moment later; until it does, this instance
 * remembers what it wrote ({@link #written}), so that a read, a change or an idempotent retry that
 * comes here first waits for the view (read-your-writes) or is answered from what was written.
 * Writes to one contribution are serialized within this instance, so of two concurrent revisions
 * with the same expected revision one wins and the other is refused as stale.
 *
 * <p>With several instances, a change decided from the view (a revision, a withdrawal, a keyed
 * submission) is published only if this instance still owns the contribution's partition, checked
 * under the lock right before the write ({@link ContributionViews#checkServedHere}): an instance
 * that lost the partition while the request waited answers 503 instead of writing, and the retry is
 * decided by the new owner from its caught-up view.
 */
public final class ContributionService {

  private final Roster roster;
  private final Calls calls;
  private final ContributionViews views;
  private final ContributionEvents events;
  private final Clock clock;
  private final Duration viewTimeout;
  private final KeyedLocks locks;
  private final Duration lockWait;
  private final Supplier<String> newContributionId;

  /** A write whose entry stays this long without its view showing it is forgotten. */
  static final Duration FORGET_AFTER = Duration.ofMinutes(10);

  /**
   * What this instance wrote of a contribution that its view has not shown yet: the contribution as
   * written, how many changes the view must have folded to show it, and the idempotent request that
   * created it (kept across later changes, until the view shows them). An entry is added before the
   * event is sent and removed when the view folds it ({@link #shown}).
   */
  private record Written(
      Contribution.State state, int changes, IdempotentRequest request, long atNanos) {}

  private final Map<String, Written> written = new ConcurrentHashMap<>();

  /** Keyed submissions whose write failed without knowing whether the broker appended it. */
  private final Set<String> uncertain = ConcurrentHashMap.newKeySet();

  private final AtomicLong writes = new AtomicLong();

  public ContributionService(
      Roster roster,
      Calls calls,
      ContributionViews views,
      ContributionEvents events,
      Clock clock,
      Duration viewTimeout) {
    this(roster, calls, views, events, clock, viewTimeout, () -> RandomIds.next().toString());
  }

  /**
   * As above; {@code newContributionId} gives the id of a submission without an idempotency key
   * (with several instances: a random id whose partition this instance owns).
   */
  public ContributionService(
      Roster roster,
      Calls calls,
      ContributionViews views,
      ContributionEvents events,
      Clock clock,
      Duration viewTimeout,
      Supplier<String> newContributionId) {
    this.newContributionId = Objects.requireNonNull(newContributionId);
    this.roster = Objects.requireNonNull(roster);
    this.calls = Objects.requireNonNull(calls);
    this.views = Objects.requireNonNull(views);
    this.events = Objects.requireNonNull(events);
    this.clock = Objects.requireNonNull(clock);
    this.viewTimeout = Objects.requireNonNull(viewTimeout);
    this.lockWait = viewTimeout.multipliedBy(2);
    this.locks =
        new KeyedLocks(
            key ->
                new RefusedException(
                    Refusal.UNAVAILABLE,
                    "Another change to the same item is still in progress; retry"));
  }

  /**
   * The outcome of a submission.
   *
   * @param contribution the contribution as the view shows it
   * @param replayed true when an earlier request with the same idempotency key created it
   */
  public record Submission(Contribution contribution, boolean replayed) {}

  /** Submits a new contribution to a call for inputs. */
  public Submission submit(
      Actor actor, String processId, Content.Draft draft, String idempotencyKey) {
    checkIntake(actor, "submit");
    checkMember(actor);
    if (idempotencyKey == null) {
      return new Submission(createContribution(actor, processId, draft, null), false);
    }
    if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
      throw new RefusedException(
          Refusal.VALIDATION, "An Idempotency-Key has 1 to 255 characters", "Idempotency-Key");
    }
    String fingerprint = fingerprint(processId, draft);
    String id = IdempotentRequest.contributionIdFor(actor.agency(), idempotencyKey);
    return locks.withLock(
        "idempotency/" + actor.agency() + "/" + idempotencyKey,
        lockWait,
        () -> {
          // Written here but not in the view yet: answered from what was written.
          Written pending = written.get(id);
          if (pending != null && pending.request() != null) {
            checkSameRequest(pending.request(), fingerprint);
            return new Submission(Contribution.restore(pending.state()), true);
          }
          // Written by an earlier run or another instance, maybe not applied here yet.
          views.awaitCaughtUp(id, viewTimeout);
          Optional<IdempotentRequest> earlier =
              views.idempotentRequest(actor.agency(), idempotencyKey);
          if (earlier.isPresent()) {
            checkSameRequest(earlier.get(), fingerprint);
            Contribution original =
                views
                    .awaitChanges(earlier.get().contributionId(), 1, viewTimeout)
                    .orElseThrow(ContributionService::viewBehind);
            return new Submission(original, true);
          }
          IdempotentRequest request =
              new IdempotentRequest(actor.agency(), idempotencyKey, fingerprint, id);
          boolean uncertainBefore = uncertain.remove(id);
          Contribution created = createContribution(actor, processId, draft, request);
          if (uncertainBefore) {
            // An earlier attempt whose outcome was unknown may have landed first: the view then
            // shows that one once it has folded it, and it must have been the same request.
            views.awaitChanges(id, 1, viewTimeout);
            Optional<IdempotentRequest> landed =
                views.idempotentRequest(actor.agency(), idempotencyKey);
            if (landed.isPresent()) {
              checkSameRequest(landed.get(), fingerprint);
            }
          }
          return new Submission(created, false);
        });
  }

  private static void checkSameRequest(IdempotentRequest earlier, String fingerprint) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw new RefusedException(
          Refusal.IDEMPOTENCY_KEY_REUSED,
          "This Idempotency-Key was used with a different request",
          "Idempotency-Key");
    }
  }

  private Contribution createContribution(
      Actor actor, String processId, Content.Draft draft, IdempotentRequest idempotency) {
    Content content = Content.parse(draft);
    if (processId == null || processId.isBlank()) {
      throw new RefusedException(Refusal.VALIDATION, "processId is required", "processId");
    }
    Call call =
        calls
            .find(processId)
            .orElseThrow(
                () ->
                    new RefusedException(
                        Refusal.UNKNOWN_PROCESS,
                        "There is no call for inputs " + processId,
                        "processId"));
    var meta = meta(actor);
    call.checkAcceptsSubmission(actor.agency(), meta.occurredAt());
    String id = idempotency == null ? newContributionId.get() : idempotency.contributionId();
    Contribution contribution = Contribution.submit(meta, id, processId, content);
    if (idempotency != null) {
      // decided from the view ("no earlier request with this key"); a new random id read nothing
      views.checkServedHere(id);
    }
    return publish(contribution, idempotency);
  }

  /** Replaces the text with a new revision. */
  public Contribution revise(
      Actor actor, String id, Content.Draft draft, String note, Integer expectedRevision) {
    return revise(actor, id, null, draft, note, expectedRevision);
  }

  /**
   * Replaces the text with a new revision; {@code processId}, when given, must be the
   * contribution's own call (it cannot move).
   */
  public Contribution revise(
      Actor actor,
      String id,
      String processId,
      Content.Draft draft,
      String note,
      Integer expectedRevision) {
    checkIntake(actor, "revise");
    checkMember(actor);
    return locks.withLock(
        id,
        lockWait,
        () -> {
          Contribution contribution = load(id);
          contribution.checkOwnedBy(actor);
          if (processId != null && !contribution.processId().equals(processId)) {
            throw new RefusedException(
                Refusal.VALIDATION,
                "A contribution cannot move to another call for inputs",
                "processId");
          }
          Content content = Content.parse(draft);
          contribution.checkRevision(expectedRevision);
          call(contribution.processId()).checkAcceptsRevision();
          contribution.revise(meta(actor), content, note);
          views.checkServedHere(id);
          return publish(contribution, null);
        });
  }

  /** Withdraws a contribution, with a reason. */
  public Contribution withdraw(Actor actor, String id, String reason) {
    checkIntake(actor, "withdraw");
    checkMember(actor);
    return locks.withLock(
        id,
        lockWait,
        () -> {
          Contribution contribution = load(id);
          contribution.checkOwnedBy(actor);
          calls.find(contribution.processId()).ifPresent(Call::checkAcceptsWithdrawal);
          contribution.withdraw(meta(actor), reason);
          views.checkServedHere(id);
          return publish(contribution, null);
        });
  }

  /**
   * A contribution (with its history), for its own agency or a reviewer; once the view shows what
   * this instance wrote of it.
   */
  public Contribution get(Actor actor, String id) {
    Contribution contribution = load(id);
    contribution.checkReadableBy(actor, onRotaNow(actor));
    return contribution;
  }

  Contribution get(String id) {
    return load(id);
  }

  /**
   * Reviewers list every contribution; an agency lists only its own (the agency filter defaults to
   * it, and naming another agency is refused).
   */
  public Page<Contribution> list(Actor actor, ContributionQuery query) {
    if (actor.isReviewer() && onRotaNow(actor)) {
      awaitWritten(null);
      return views.list(query);
    }
    if (actor.isReviewer() && !actor.isAgency()) {
      throw new RefusedException(
          Refusal.FORBIDDEN,
          actor.agency()
              + " chairs or vice-chairs no period of the rota now; only the current reviewers"
              + " read the contributions under review");
    }
    if (!actor.isAgency()) {
      throw new RefusedException(
          Refusal.FORBIDDEN, "Only member agencies and reviewers may list contributions");
    }
    String agency = query.filter().agency();
    if (agency != null && !agency.equalsIgnoreCase(actor.agency())) {
      throw new RefusedException(
          Refusal.FORBIDDEN,
          actor.agency() + " may list only its own contributions, not those of " + agency,
          "agency");
    }
    awaitWritten(actor.agency());
    return views.list(
        new ContributionQuery(
            query.filter().withAgency(actor.agency()), query.page(), query.size(), query.order()));
  }

  /**
   * Waits until the view shows every change this instance wrote before the call (of one agency's
   * contributions, or of all with {@code agency} null), so that a list shows them; bounded by the
   * view timeout (503 beyond it).
   */
  public void awaitWritten(String agency) {
    views.awaitAllCaughtUp(viewTimeout);
    long deadline = System.nanoTime() + viewTimeout.toNanos();
    for (Map.Entry<String, Written> entry : written.entrySet()) {
      Written w = entry.getValue();
      if (agency != null && !agency.equalsIgnoreCase(w.state().agency())) {
        continue;
      }
      Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
      if (views.awaitChanges(entry.getKey(), w.changes(), left).isEmpty()
          && written.get(entry.getKey()) == w) {
        if (views.servedElsewhere(entry.getKey())) {
          // its partition moved before the view folded it: the new owner's view shows it once
          // caught up (the barrier), and this one never will
          written.remove(entry.getKey(), w);
          continue;
        }
        throw viewBehind();
      }
    }
  }

  /**
   * Called when the view has folded the {@code changes}-th change of a contribution: what this
   * instance wrote of it up to there no longer needs remembering.
   */
  public void shown(String id, int changes) {
    written.computeIfPresent(id, (k, w) -> w.changes() <= changes ? null : w);
  }

  /**
   * Publishes the aggregate's new events and answers with it once the broker has acknowledged them
   * (acks=all, idempotent producer): durable, though the view may not show it yet. What was written
   * is remembered first, so that the view, folding it, finds the entry to remove.
   */
  private Contribution publish(Contribution contribution, IdempotentRequest idempotency) {
    String id = contribution.id();
    List<ContributionChange> changes = contribution.pullChanges();
    Written before = written.get(id);
    IdempotentRequest request =
        idempotency != null || before == null ? idempotency : before.request();
    Written mine =
        new Written(contribution.state(), contribution.changes(), request, System.nanoTime());
    written.put(id, mine);
    try {
      for (ContributionChange change : changes) {
        events.publish(change, idempotency);
      }
    } catch (RuntimeException e) {
      // Not known to be written: back to what was known before (unless the view has shown it
      // meanwhile), and let the next attempt with the same key make sure that it did not land
      // with another request.
      if (before == null) {
        written.remove(id, mine);
      } else {
        written.replace(id, mine, before);
      }
      if (idempotency != null) {
        uncertain.add(id);
      }
      throw e;
    }
    if (writes.incrementAndGet() % 4096 == 0) {
      forgetOld();
    }
    return contribution;
  }

  /** Entries of partitions that moved to another instance are never folded here. */
  private void forgetOld() {
    long now = System.nanoTime();
    written.values().removeIf(w -> now - w.atNanos() > FORGET_AFTER.toNanos());
  }

  /**
   * Loads from the view, once it shows what this instance wrote of the contribution, and once it
   * has applied what was on the contribution's partition when the views (re)started or the
   * partitions moved (the writes of an earlier run or of the partition's previous owner).
   */
  private Contribution load(String id) {
    views.awaitCaughtUp(id, viewTimeout);
    Written behind = written.get(id);
    if (behind != null) {
      return views
          .awaitChanges(id, behind.changes(), viewTimeout)
          .orElseThrow(ContributionService::viewBehind);
    }
    return views.find(id).orElseThrow(() -> notFound(id));
  }

  private Call call(String processId) {
    return calls
        .find(processId)
        .orElseThrow(
            () ->
                new RefusedException(
                    Refusal.CALL_CLOSED, "The call for inputs " + processId + " is unknown"));
  }

  private static void checkIntake(Actor actor, String what) {
    if (!actor.isAgency()) {
      throw new RefusedException(
          Refusal.FORBIDDEN,
          "Only a member agency's intake client (role AGENCY) may " + what + " a contribution");
    }
  }

  private void checkMember(Actor actor) {
    if (!roster.isMember(actor.agency())) {
      throw new RefusedException(
          Refusal.UNKNOWN_AGENCY,
          "'" + actor.agency() + "' is not a member agency of UNGIS",
          "agency");
    }
  }

  /**
   * A reviewer reads drafts only while their agency chairs or vice-chairs the current period: a
   * reviewer of a past period reads what everyone reads (published records, the calls).
   */
  private boolean onRotaNow(Actor actor) {
    return actor.isReviewer() && roster.roleAt(actor.agency(), clock.instant()).isPresent();
  }

  private ContributionChange.Meta meta(Actor actor) {
    // to the millisecond, the precision of the events' timestamps, so that the answer to a write
    // is the contribution as the view will show it
    return new ContributionChange.Meta(
        RandomIds.next(), clock.instant().truncatedTo(ChronoUnit.MILLIS), actor);
  }

  private static RefusedException notFound(String id) {
    return Contribution.notFound(id);
  }

  private static RefusedException viewBehind() {
    return new RefusedException(
        Refusal.UNAVAILABLE, "The view has not caught up with the latest change yet; retry");
  }

  /** A stable hash of what a submission asks for, to tell a retry from a different request. */
  static String fingerprint(String processId, Content.Draft draft) {
    StringBuilder canonical = new StringBuilder();
    for (Object part :
        new Object[] {
          processId,
          draft.title(),
          draft.summary(),
          draft.body(),
          draft.language(),
          draft.actionLines(),
          draft.sdgs(),
          draft.links()
        }) {
      String text = String.valueOf(part);
      canonical.append(text.length()).append(':').append(text).append(';');
    }
    return IdempotencyHeaders.fingerprint(canonical.toString());
  }
}
