package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ungis.reference.ReviewRule;

/**
 * The contribution aggregate: one agency's input to one call for inputs, its current text and its
 * review history. Every change goes through a method here that checks the current status first (the
 * state machine), then records the change.
 *
 * <pre>
 * SUBMITTED --revise--> SUBMITTED (revision + 1)
 * SUBMITTED --outcome CHANGES_REQUESTED--> CHANGES_REQUESTED --revise--> SUBMITTED (revision + 1)
 * SUBMITTED --outcome APPROVED--> APPROVED;  SUBMITTED --outcome REJECTED--> REJECTED (final)
 * SUBMITTED | CHANGES_REQUESTED | APPROVED --withdraw--> WITHDRAWN (final)
 * </pre>
 *
 * A decision on a revision older than the current one is stale: kept, marked, and changes nothing.
 */
public final class Contribution {

  /** A withdrawal reason is at most this many characters. */
  public static final int REASON_MAX = 2_000;

  /** A revision note is at most this many characters. */
  public static final int NOTE_MAX = 2_000;

  /**
   * A contribution has at most this many revisions (the submission is revision 1): its history and
   * the text it carries are one stored value, which must stay well below the broker's record limit.
   */
  public static final int REVISIONS_MAX = 20;

  /**
   * The history keeps at most this many refused decision attempts; later ones stay in
   * review-service's decision history and in {@code ungis.reviews.v1}.
   */
  public static final int REFUSED_KEPT = 50;

  private final String id;
  private final String processId;
  private final String agency;
  private final Instant submittedAt;
  private final String submittedBy;
  private ContributionStatus status;
  private int revision;
  private Content content;
  private Instant updatedAt;
  private String withdrawalReason;
  private final List<Review> reviews;
  private final List<HistoryEntry> history;
  private int changes;
  private final List<ContributionChange> pending = new ArrayList<>();

  private Contribution(State state) {
    this.id = Objects.requireNonNull(state.id(), "id");
    this.processId = Objects.requireNonNull(state.processId(), "processId");
    this.agency = Objects.requireNonNull(state.agency(), "agency");
    this.submittedAt = Objects.requireNonNull(state.submittedAt(), "submittedAt");
    this.submittedBy = state.submittedBy();
    this.status = Objects.requireNonNull(state.status(), "status");
    this.revision = state.revision();
    this.content = Objects.requireNonNull(state.content(), "content");
    this.updatedAt = state.updatedAt();
    this.withdrawalReason = state.withdrawalReason();
    this.reviews = new ArrayList<>(state.reviews() == null ? List.of() : state.reviews());
    this.history = new ArrayList<>(state.history() == null ? List.of() : state.history());
    this.changes = state.changes();
  }

  /**
   * Everything the aggregate knows, as a value: what the view store keeps.
   *
   * @param changes how many contribution events (submitted, revised, withdrawn) are folded in
   * @param history the audit trail, in the order the events were folded in
   */
  public record State(
      String id,
      String processId,
      String agency,
      ContributionStatus status,
      int revision,
      Content content,
      Instant submittedAt,
      String submittedBy,
      Instant updatedAt,
      String withdrawalReason,
      List<Review> reviews,
      int changes,
      List<HistoryEntry> history) {

    public State {
      reviews = reviews == null ? List.of() : List.copyOf(reviews);
      history = history == null ? List.of() : List.copyOf(history);
    }
  }

  /** Rebuilds an aggregate from its stored state. */
  public static Contribution restore(State state) {
    return new Contribution(state);
  }

  /** A new contribution by the acting agency: SUBMITTED, revision 1. */
  public static Contribution submit(
      ContributionChange.Meta meta, String id, String processId, Content content) {
    Objects.requireNonNull(content, "content");
    Contribution contribution =
        new Contribution(
            new State(
                id,
                processId,
                meta.actor().agency(),
                ContributionStatus.SUBMITTED,
                1,
                content,
                meta.occurredAt(),
                meta.actor().principal(),
                meta.occurredAt(),
                null,
                List.of(),
                1,
                List.of(HistoryEntry.change(HistoryEntry.Kind.SUBMITTED, meta, 1, null, null))));
    contribution.pending.add(
        new ContributionChange.Submitted(meta, id, processId, meta.actor().agency(), 1, content));
    return contribution;
  }

  /**
   * Only the owning agency may change its contribution. Another agency is told exactly what it
   * would be told of an id that does not exist, so that ids cannot be probed for their owner.
   */
  public void checkOwnedBy(Actor actor) {
    if (!agency.equals(actor.agency())) {
      throw notFound(id);
    }
  }

  /** The refusal of an id that does not exist, or that belongs to another agency. */
  public static RefusedException notFound(String id) {
    return new RefusedException(Refusal.NOT_FOUND, "There is no contribution " + id);
  }

  /** Refuses a change prepared against another revision than the current one. */
  public void checkRevision(Integer expectedRevision) {
    if (expectedRevision != null && expectedRevision != revision) {
      throw new RefusedException(
          Refusal.STALE_REVISION,
          "Expected revision " + expectedRevision + " but the current revision is " + revision,
          "expectedRevision");
    }
  }

  /** Whether the given revision exists yet (the current one or an older one). */
  public boolean hasRevision(int revision) {
    return revision <= this.revision;
  }

  /** A new revision of the text; allowed while SUBMITTED or CHANGES_REQUESTED. */
  public void revise(ContributionChange.Meta meta, Content content, String note) {
    Objects.requireNonNull(content, "content");
    checkOwnedBy(meta.actor());
    if (note != null && note.codePointCount(0, note.length()) > NOTE_MAX) {
      throw new RefusedException(
          Refusal.VALIDATION, "The note is longer than " + NOTE_MAX + " characters", "note");
    }
    if (status != ContributionStatus.SUBMITTED && status != ContributionStatus.CHANGES_REQUESTED) {
      throw new RefusedException(
          Refusal.CONFLICT,
          "Contribution " + id + " is " + status + " and can no longer be revised");
    }
    if (revision >= REVISIONS_MAX) {
      throw new RefusedException(
          Refusal.CONFLICT,
          "Contribution "
              + id
              + " has "
              + REVISIONS_MAX
              + " revisions, the most a contribution may have; withdraw it and submit anew");
    }
    revision++;
    this.content = content;
    status = ContributionStatus.SUBMITTED;
    reviews.replaceAll(r -> ReviewRule.isStale(r.revision(), revision) ? r.markedStale() : r);
    touch(meta.occurredAt());
    changes++;
    history.add(HistoryEntry.change(HistoryEntry.Kind.REVISED, meta, revision, note, null));
    pending.add(
        new ContributionChange.Revised(meta, id, processId, agency, revision, content, note));
  }

  /** Takes the contribution back; allowed from SUBMITTED, CHANGES_REQUESTED and APPROVED. */
  public void withdraw(ContributionChange.Meta meta, String reason) {
    checkOwnedBy(meta.actor());
    if (reason == null || reason.isBlank()) {
      throw new RefusedException(Refusal.VALIDATION, "A withdrawal needs a reason", "reason");
    }
    if (reason.codePointCount(0, reason.length()) > REASON_MAX) {
      throw new RefusedException(
          Refusal.VALIDATION, "The reason is longer than " + REASON_MAX + " characters", "reason");
    }
    if (status == ContributionStatus.REJECTED || status == ContributionStatus.WITHDRAWN) {
      throw new RefusedException(
          Refusal.CONFLICT, "Contribution " + id + " is " + status + " and cannot be withdrawn");
    }
    status = ContributionStatus.WITHDRAWN;
    withdrawalReason = reason;
    touch(meta.occurredAt());
    changes++;
    history.add(HistoryEntry.change(HistoryEntry.Kind.WITHDRAWN, meta, revision, null, reason));
    pending.add(new ContributionChange.Withdrawn(meta, id, processId, agency, revision, reason));
  }

  /**
   * Folds in a reviewer's decision. A decision whose {@code outcome} is set and that applies to the
   * current revision of a SUBMITTED contribution moves it to that outcome; a decision on an older
   * revision is kept and marked stale. A decision already applied (same event id) is ignored. A
   * decision on a revision this contribution does not have yet is refused: applied now, it would be
   * kept as current and never move the status once that revision arrives; the caller holds it until
   * {@link #hasRevision} says so.
   */
  public void applyDecision(Review review) {
    if (reviews.stream().anyMatch(r -> r.eventId().equals(review.eventId()))) {
      return;
    }
    if (!hasRevision(review.revision())) {
      throw new IllegalStateException(
          "a decision on revision "
              + review.revision()
              + " of contribution "
              + id
              + ", which is at revision "
              + revision);
    }
    boolean stale = ReviewRule.isStale(review.revision(), revision);
    reviews.add(stale ? review.markedStale() : review);
    history.add(HistoryEntry.decision(review));
    if (ReviewRule.movesStatus(
        review.revision(),
        review.outcome() != null,
        revision,
        status == ContributionStatus.SUBMITTED)) {
      status =
          switch (review.outcome()) {
            case APPROVED -> ContributionStatus.APPROVED;
            case REJECTED -> ContributionStatus.REJECTED;
            case CHANGES_REQUESTED -> ContributionStatus.CHANGES_REQUESTED;
          };
    }
    touch(review.decidedAt());
  }

  /**
   * Keeps a decision that review-service refused in the audit trail; it changes nothing else. A
   * refusal already kept (same event id) is ignored.
   */
  public void recordRefusedDecision(RefusedDecision refused) {
    if (history.stream().anyMatch(h -> h.eventId().equals(refused.eventId()))) {
      return;
    }
    long kept =
        history.stream().filter(h -> h.kind() == HistoryEntry.Kind.DECISION_REFUSED).count();
    if (kept >= REFUSED_KEPT) {
      return;
    }
    history.add(refused.toHistory());
  }

  /**
   * Who may read this contribution and its history: its own agency, and the reviewers while their
   * agency is on the rota ({@code currentReviewer}: the caller decides it against the roster).
   * Anyone else is answered as for an unknown id ({@link #notFound}).
   */
  public void checkReadableBy(Actor actor, boolean currentReviewer) {
    if ((actor.isReviewer() && currentReviewer)
        || (actor.isAgency() && agency.equals(actor.agency()))) {
      return;
    }
    throw notFound(id);
  }

  /** The changes recorded since this object was built, once; the caller publishes them. */
  public List<ContributionChange> pullChanges() {
    List<ContributionChange> result = List.copyOf(pending);
    pending.clear();
    return result;
  }

  public State state() {
    return new State(
        id,
        processId,
        agency,
        status,
        revision,
        content,
        submittedAt,
        submittedBy,
        updatedAt,
        withdrawalReason,
        reviews,
        changes,
        history);
  }

  private void touch(Instant at) {
    if (at != null && (updatedAt == null || at.isAfter(updatedAt))) {
      updatedAt = at;
    }
  }

  public String id() {
    return id;
  }

  public String processId() {
    return processId;
  }

  public String agency() {
    return agency;
  }

  public ContributionStatus status() {
    return status;
  }

  public int revision() {
    return revision;
  }

  public Content content() {
    return content;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public String withdrawalReason() {
    return withdrawalReason;
  }

  public List<Review> reviews() {
    return List.copyOf(reviews);
  }

  /** The audit trail, in the order the events were folded in. */
  public List<HistoryEntry> history() {
    return List.copyOf(history);
  }

  /** How many contribution events are folded in; the write path waits for the view to reach it. */
  public int changes() {
    return changes;
  }
}
