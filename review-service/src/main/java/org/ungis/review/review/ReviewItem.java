package org.ungis.review.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ungis.reference.ReviewRule;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;

/**
 * A contribution under review: its current revision, the review round of that revision and the
 * history of every decision and refused attempt. The aggregate of the review side; immutable, each
 * change returns the new state.
 *
 * <p>Two kinds of methods: {@code submitted/revised/withdrawn/recorded/refused} apply facts read
 * from the topics (they never refuse a legal fact, but reject impossible ones with {@link
 * IllegalArgumentException}); {@link #decide} checks a reviewer's command against the rules of
 * review and returns the decision to record, or throws {@link RuleViolation}.
 *
 * @param contributionId the contribution
 * @param processId its call for inputs
 * @param agency the owning agency
 * @param revision the current revision
 * @param title title of the current revision
 * @param summary summary of the current revision
 * @param submittedAt when the current revision was submitted
 * @param firstSubmittedAt when revision 1 was submitted
 * @param status status of the contribution
 * @param round the review round of the current revision
 * @param history every decision and refused attempt, oldest first
 */
public record ReviewItem(
    String contributionId,
    String processId,
    String agency,
    int revision,
    String title,
    String summary,
    Instant submittedAt,
    Instant firstSubmittedAt,
    ItemStatus status,
    ReviewRound round,
    List<HistoryEntry> history) {

  /** A decision's comment is at most this many characters. */
  public static final int MAX_COMMENT = 2_000;

  public ReviewItem {
    Objects.requireNonNull(contributionId, "contributionId");
    history = List.copyOf(history == null ? List.of() : history);
  }

  /** A first submission (revision 1, or the revision named by the event). */
  public static ReviewItem submitted(
      String contributionId,
      String processId,
      String agency,
      int revision,
      String title,
      String summary,
      Instant at) {
    return new ReviewItem(
        contributionId,
        processId,
        agency,
        revision,
        title,
        summary,
        at,
        at,
        ItemStatus.SUBMITTED,
        ReviewRound.of(revision),
        List.of());
  }

  /**
   * A new revision: a new round begins, earlier approvals no longer count. Applied in any state but
   * withdrawn, because the contributions service is the judge of whether revising was allowed.
   *
   * @throws IllegalArgumentException for a revision not after the current one, or after withdrawal
   */
  public ReviewItem revised(int newRevision, String newTitle, String newSummary, Instant at) {
    if (status == ItemStatus.WITHDRAWN) {
      throw new IllegalArgumentException(
          "contribution " + contributionId + " is withdrawn; revision " + newRevision + " refused");
    }
    if (newRevision <= revision) {
      throw new IllegalArgumentException(
          "revision " + newRevision + " of " + contributionId + " is not after " + revision);
    }
    return new ReviewItem(
        contributionId,
        processId,
        agency,
        newRevision,
        newTitle,
        newSummary,
        at,
        firstSubmittedAt,
        ItemStatus.SUBMITTED,
        ReviewRound.of(newRevision),
        history);
  }

  /** The contribution was withdrawn; nothing more can be decided. */
  public ReviewItem withdrawn() {
    return with(ItemStatus.WITHDRAWN, round, history);
  }

  /**
   * Applies a recorded decision read from the reviews topic. A decision about another revision than
   * the current one, or about a round that has already ended, is kept in the history and changes
   * nothing; whether it is stale is read against the current revision ({@link #isStale}).
   */
  public ReviewItem recorded(
      String eventId,
      int decidedRevision,
      Actor reviewer,
      String role,
      Verdict decision,
      String comment,
      Verdict outcome,
      Instant at) {
    if (hasEvent(eventId)) {
      return this;
    }
    boolean awaitingOutcome = round.isOpen() && status != ItemStatus.WITHDRAWN;
    boolean applies = decidedRevision == revision && awaitingOutcome;
    HistoryEntry entry =
        new HistoryEntry(
            eventId,
            decidedRevision,
            reviewer.agency(),
            reviewer.principal(),
            role,
            decision,
            comment,
            outcome,
            false,
            null,
            null,
            at);
    List<HistoryEntry> nextHistory = append(entry);
    if (!applies) {
      return withHistory(nextHistory);
    }
    ReviewRound nextRound =
        round.with(decision, outcome, reviewer.agency(), reviewer.principal(), at);
    ItemStatus nextStatus =
        ReviewRule.movesStatus(decidedRevision, outcome != null, revision, awaitingOutcome)
            ? statusOf(outcome)
            : status;
    return with(nextStatus, nextRound, nextHistory);
  }

  /** Applies a refused attempt read from the reviews topic: history only. */
  public ReviewItem refused(
      String eventId,
      int attemptedRevision,
      Actor reviewer,
      String role,
      Verdict attempted,
      String reason,
      String message,
      Instant at) {
    if (hasEvent(eventId)) {
      return this;
    }
    return withHistory(
        append(
            new HistoryEntry(
                eventId,
                attemptedRevision,
                reviewer.agency(),
                reviewer.principal(),
                role,
                attempted,
                null,
                null,
                true,
                reason,
                message,
                at)));
  }

  /**
   * Checks a reviewer's decision on a revision against the rules of review.
   *
   * <p>In order: the comment is required unless approving (INVALID); the reviewer's agency must be
   * a chair or vice-chair of the period containing {@code now} (FORBIDDEN {@code NOT_ON_ROTA}) and
   * not the owning agency (FORBIDDEN {@code RECUSAL}); the contribution must not be withdrawn, the
   * revision must be the current one and its round still open; the call must be open; the
   * reviewer's agency must not have approved this revision already (all CONFLICT).
   *
   * @param call the item's call for inputs, {@code null} if unknown
   * @return the decision to record, with the round's outcome if this decision ends it
   */
  public ReviewDecision decide(
      Rota rota,
      Actor reviewer,
      int decidedRevision,
      Verdict decision,
      String comment,
      CallForInputs call,
      Instant now) {
    if (decision == null) {
      throw RuleViolation.invalid("decision", "must be APPROVED, REJECTED or CHANGES_REQUESTED");
    }
    if (decision != Verdict.APPROVED && (comment == null || comment.isBlank())) {
      throw RuleViolation.invalid("comment", "is required unless the decision is APPROVED");
    }
    if (comment != null && comment.codePointCount(0, comment.length()) > MAX_COMMENT) {
      throw RuleViolation.invalid("comment", "must be at most " + MAX_COMMENT + " characters");
    }
    ReviewerRole role = rota.requireReviewer(reviewer, now);
    if (reviewer.agency().equals(agency)) {
      throw RuleViolation.forbidden(
          Reasons.RECUSAL,
          reviewer.agency() + " may not decide on a contribution of its own agency");
    }
    if (status == ItemStatus.WITHDRAWN) {
      throw RuleViolation.conflict(
          Reasons.CONTRIBUTION_WITHDRAWN, "contribution " + contributionId + " was withdrawn");
    }
    if (decidedRevision < revision) {
      throw RuleViolation.conflict(
          Reasons.STALE_REVISION,
          "revision " + decidedRevision + " is stale; the current revision is " + revision);
    }
    if (decidedRevision > revision) {
      throw RuleViolation.conflict(
          Reasons.UNKNOWN_REVISION,
          "revision " + decidedRevision + " does not exist; the current revision is " + revision);
    }
    if (!round.isOpen()) {
      throw RuleViolation.conflict(
          Reasons.ALREADY_DECIDED,
          "revision " + revision + " already has the outcome " + round.outcome());
    }
    if (call == null) {
      throw RuleViolation.conflict(
          Reasons.CALL_UNKNOWN, "the call " + processId + " of this contribution is unknown");
    }
    if (!call.isOpen()) {
      throw RuleViolation.conflict(Reasons.CALL_CLOSED, "the call " + processId + " is closed");
    }
    if (round.approvedBy(reviewer.agency())) {
      throw RuleViolation.conflict(
          Reasons.AGENCY_ALREADY_APPROVED,
          reviewer.agency() + " already approved revision " + revision);
    }
    Verdict outcome = round.outcomeOf(decision, call.requiredApprovals());
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    return new ReviewDecision(
        contributionId, processId, agency, revision, reviewer, role, decision, text, outcome, now);
  }

  /** The audit record of an attempt that {@link #decide} refused on a rule of review. */
  public RefusedDecision refusal(
      Rota rota,
      Actor reviewer,
      int attemptedRevision,
      Verdict attempted,
      RuleViolation violation,
      Instant now) {
    String role = rota.roleAt(reviewer.agency(), now).map(Enum::name).orElse("AGENCY");
    return new RefusedDecision(
        contributionId,
        processId,
        agency,
        attemptedRevision,
        reviewer,
        role,
        attempted,
        violation.reason(),
        violation.getMessage(),
        now);
  }

  /** Whether the current revision awaits an outcome. */
  public boolean isPending() {
    return status == ItemStatus.SUBMITTED && round.isOpen();
  }

  /** Whether the current revision has an outcome. */
  public boolean isDecided() {
    return status != ItemStatus.WITHDRAWN && !round.isOpen();
  }

  /**
   * Whether an entry of the history is stale: about a revision older than the current one ({@link
   * ReviewRule#isStale}, the rule every service reads staleness by).
   */
  public boolean isStale(HistoryEntry entry) {
    return ReviewRule.isStale(entry.revision(), revision);
  }

  public boolean hasEvent(String eventId) {
    return history.stream().anyMatch(h -> h.eventId().equals(eventId));
  }

  private static ItemStatus statusOf(Verdict outcome) {
    return switch (outcome) {
      case APPROVED -> ItemStatus.APPROVED;
      case REJECTED -> ItemStatus.REJECTED;
      case CHANGES_REQUESTED -> ItemStatus.CHANGES_REQUESTED;
    };
  }

  private List<HistoryEntry> append(HistoryEntry entry) {
    List<HistoryEntry> next = new ArrayList<>(history);
    next.add(entry);
    return next;
  }

  private ReviewItem withHistory(List<HistoryEntry> nextHistory) {
    return with(status, round, nextHistory);
  }

  /** The same revision of the same contribution, in another state of its review. */
  private ReviewItem with(ItemStatus nextStatus, ReviewRound nextRound, List<HistoryEntry> next) {
    return new ReviewItem(
        contributionId,
        processId,
        agency,
        revision,
        title,
        summary,
        submittedAt,
        firstSubmittedAt,
        nextStatus,
        nextRound,
        next);
  }
}
