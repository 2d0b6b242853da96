package org.ungis.contributions.contribution;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.ungis.reference.Roster;

/**
 * The intake use cases: load from the views, let the aggregate decide, publish, and wait until the
 * view shows the change (read-your-writes). Writes to one contribution are serialized within this
 * instance, so of two concurrent revisions with the same expected revision one wins and the other
 * is refused as stale.
 */
public final class ContributionService {

  private final Roster roster;
  private final Calls calls;
  private final ContributionViews views;
  private final ContributionEvents events;
  private final Clock clock;
  private final Duration viewTimeout;
  private final KeyedLocks locks;
  private final Supplier<String> newContributionId;

  /** Changes this instance wrote that its view had not shown yet when the request answered. */
  private final Map<String, Integer> written = new ConcurrentHashMap<>();

  public ContributionService(
      Roster roster,
      Calls calls,
      ContributionViews views,
      ContributionEvents events,
      Clock clock,
      Duration viewTimeout) {
    this(roster, calls, views, events, clock, viewTimeout, () -> UUID.randomUUID().toString());
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
    this.locks = new KeyedLocks(256, viewTimeout.multipliedBy(2));
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
    return locks.withLock(
        "idempotency/" + actor.agency() + "/" + idempotencyKey,
        () -> {
          views.awaitCaughtUp(
              IdempotentRequest.contributionIdFor(actor.agency(), idempotencyKey), viewTimeout);
          Optional<IdempotentRequest> earlier =
              views.idempotentRequest(actor.agency(), idempotencyKey);
          if (earlier.isPresent()) {
            if (!earlier.get().fingerprint().equals(fingerprint)) {
              throw new RefusedException(
                  Refusal.IDEMPOTENCY_KEY_REUSED,
                  "This Idempotency-Key was used with a different request",
                  "Idempotency-Key");
            }
            Contribution original =
                views
                    .awaitChanges(earlier.get().contributionId(), 1, viewTimeout)
                    .orElseThrow(ContributionService::viewBehind);
            return new Submission(original, true);
          }
          String id = IdempotentRequest.contributionIdFor(actor.agency(), idempotencyKey);
          IdempotentRequest request =
              new IdempotentRequest(actor.agency(), idempotencyKey, fingerprint, id);
          Contribution created = createContribution(actor, processId, draft, request);
          // An earlier attempt whose write was still in flight may have landed first: the view
          // then shows that one, and it must have been the same request.
          Optional<IdempotentRequest> landed =
              views.idempotentRequest(actor.agency(), idempotencyKey);
          if (landed.isPresent() && !landed.get().fingerprint().equals(fingerprint)) {
            throw new RefusedException(
                Refusal.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used with a different request",
                "Idempotency-Key");
          }
          return new Submission(created, false);
        });
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
    return publishAndAwait(contribution, idempotency);
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
          return publishAndAwait(contribution, null);
        });
  }

  /** Withdraws a contribution, with a reason. */
  public Contribution withdraw(Actor actor, String id, String reason) {
    checkIntake(actor, "withdraw");
    checkMember(actor);
    return locks.withLock(
        id,
        () -> {
          Contribution contribution = load(id);
          contribution.checkOwnedBy(actor);
          calls.find(contribution.processId()).ifPresent(Call::checkAcceptsWithdrawal);
          contribution.withdraw(meta(actor), reason);
          return publishAndAwait(contribution, null);
        });
  }

  /** A contribution (with its history), for its own agency or a reviewer. */
  public Contribution get(Actor actor, String id) {
    Contribution contribution = get(id);
    contribution.checkReadableBy(actor, onRotaNow(actor));
    return contribution;
  }

  Contribution get(String id) {
    return views.find(id).orElseThrow(() -> notFound(id));
  }

  /**
   * Reviewers list every contribution; an agency lists only its own (the agency filter defaults to
   * it, and naming another agency is refused).
   */
  public Page<Contribution> list(Actor actor, ContributionQuery query) {
    if (actor.isReviewer() && onRotaNow(actor)) {
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
    return views.list(
        new ContributionQuery(
            query.filter().withAgency(actor.agency()), query.page(), query.size()));
  }

  private Contribution publishAndAwait(Contribution contribution, IdempotentRequest idempotency) {
    List<ContributionChange> changes = contribution.pullChanges();
    for (ContributionChange change : changes) {
      events.publish(change, idempotency);
    }
    String id = contribution.id();
    int expected = contribution.changes();
    Optional<Contribution> seen = views.awaitChanges(id, expected, viewTimeout);
    if (seen.isPresent()) {
      written.remove(id, expected);
      return seen.get();
    }
    // Durable in Kafka but not yet in the view: answer with what we know, remember to wait.
    written.put(id, expected);
    return contribution;
  }

  /**
   * Loads from the view, first waiting for changes this instance wrote to show up, and for the view
   * to have applied what is on the topic (after a restart or a rebalance).
   */
  private Contribution load(String id) {
    views.awaitCaughtUp(id, viewTimeout);
    Integer behind = written.get(id);
    if (behind != null) {
      Contribution caughtUp =
          views.awaitChanges(id, behind, viewTimeout).orElseThrow(ContributionService::viewBehind);
      written.remove(id, behind);
      return caughtUp;
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
    return new ContributionChange.Meta(UUID.randomUUID(), clock.instant(), actor);
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
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of()
          .formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
