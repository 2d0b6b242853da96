package org.ungis.publication.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ungis.reference.ReviewRule;

/**
 * What the publication side knows about one contribution: its latest text, whether it was approved
 * or withdrawn. It turns the contribution's events and the review outcomes (two topics, read in no
 * guaranteed relative order) into {@link RecordChange}s, following the contribution's state
 * machine: only an approval of the current revision counts; an approval of an older revision is
 * stale; an approval that arrives before the text it approves waits for it; a withdrawal is final.
 *
 * <p>A revision's review round ends once: the first decision with an outcome (approved, rejected,
 * changes requested) on the reviews topic is the round's, as in review-service's and
 * contributions-service's folds of the same topic. A later outcome for the same revision (two
 * reviewers answered by two instances during a partition handover) changes nothing here either, so
 * a contribution the others show as rejected is never published.
 */
public final class ContributionTrack {

  private final String contributionId;
  private String processId;
  private String agency;
  private Instant submittedAt;
  private int revision;
  private Content content;
  private boolean withdrawn;
  private int approvedRevision;
  private int endedRevision;
  private int pendingRevision;
  private Instant pendingAt;
  private final List<Vote> votes = new ArrayList<>();

  private ContributionTrack(String contributionId) {
    this.contributionId = Objects.requireNonNull(contributionId, "contributionId");
  }

  /** A contribution of which nothing is known yet. */
  public static ContributionTrack unknown(String contributionId) {
    return new ContributionTrack(contributionId);
  }

  public static ContributionTrack restore(State state) {
    ContributionTrack track = new ContributionTrack(state.contributionId());
    track.processId = state.processId();
    track.agency = state.agency();
    track.submittedAt = state.submittedAt();
    track.revision = state.revision();
    track.content = state.content();
    track.withdrawn = state.withdrawn();
    track.approvedRevision = state.approvedRevision();
    track.endedRevision = Math.max(state.endedRevision(), state.approvedRevision());
    track.pendingRevision = state.pendingRevision();
    track.pendingAt = state.pendingAt();
    track.votes.addAll(state.votes());
    return track;
  }

  public State state() {
    return new State(
        contributionId,
        processId,
        agency,
        submittedAt,
        revision,
        content,
        withdrawn,
        approvedRevision,
        endedRevision,
        pendingRevision,
        pendingAt,
        List.copyOf(votes));
  }

  /**
   * The text of a revision (submitted or revised).
   *
   * @return the approval that was waiting for this text, if any
   */
  public Optional<RecordChange> textOf(
      String processId, String agency, int revision, Content content, Instant at) {
    identify(processId, agency);
    // The submission's time is revision 1's: also when a later revision arrived first (older
    // than the topic's retention), never a repeat of the submission (a client's retried write).
    if (submittedAt == null || (revision == 1 && at.isBefore(submittedAt))) {
      submittedAt = at;
    }
    if (withdrawn || revision <= this.revision) {
      return Optional.empty();
    }
    this.revision = revision;
    this.content = content;
    if (pendingRevision == revision) {
      Instant approvedAt = pendingAt;
      clearPending();
      return approve(approvedAt);
    }
    if (pendingRevision < revision) {
      clearPending();
    }
    return Optional.empty();
  }

  /**
   * A review round ended with an approval of a revision.
   *
   * @return the entry that enters the record, if the approval is for the current revision
   */
  public Optional<RecordChange> approved(
      String processId, String agency, int revision, Instant at) {
    return approved(processId, agency, revision, at, null);
  }

  /**
   * A review round ended with an approval of a revision, by a known reviewer.
   *
   * @param by the approving decision that ended the round, or null if not known
   */
  public Optional<RecordChange> approved(
      String processId, String agency, int revision, Instant at, Approval by) {
    identify(processId, agency);
    if (revision <= endedRevision) {
      return Optional.empty(); // the round of this revision already ended
    }
    if (by != null) {
      vote(revision, by);
    }
    endedRevision = revision;
    if (withdrawn || ReviewRule.isStale(revision, this.revision)) {
      return Optional.empty();
    }
    if (revision > this.revision) {
      pendingRevision = revision;
      pendingAt = at;
      return Optional.empty();
    }
    return approve(at);
  }

  /**
   * An approving decision that did not end its round yet (more approvals are needed): kept, to name
   * every approver once the round ends with an approval.
   */
  public void approvalVoted(String processId, String agency, int revision, Approval by) {
    identify(processId, agency);
    if (revision > endedRevision) {
      vote(revision, by);
    }
  }

  private void vote(int revision, Approval by) {
    votes.removeIf(v -> v.revision() < revision);
    if (votes.stream().noneMatch(v -> v.revision() == revision && v.approval().equals(by))) {
      votes.add(new Vote(revision, by));
    }
  }

  /**
   * A review round ended without an approval (rejected, or changes requested). Nothing changes in
   * the record, but no later outcome for the same revision counts.
   */
  public void endedWithoutApproval(String processId, String agency, int revision) {
    identify(processId, agency);
    endedRevision = Math.max(endedRevision, revision);
  }

  /**
   * The contribution was withdrawn.
   *
   * @return the removal of its entry, if it was in the record
   */
  public Optional<RecordChange> withdrawnAt(String processId, String agency, Instant at) {
    identify(processId, agency);
    if (withdrawn) {
      return Optional.empty();
    }
    withdrawn = true;
    content = null;
    clearPending();
    if (approvedRevision > 0) {
      return Optional.of(new RecordChange.EntryWithdrawn(this.processId, contributionId, at));
    }
    return Optional.empty();
  }

  private Optional<RecordChange> approve(Instant at) {
    approvedRevision = revision;
    List<Approval> approvals =
        votes.stream().filter(v -> v.revision() == revision).map(Vote::approval).toList();
    return Optional.of(
        new RecordChange.EntryApproved(
            new Entry(
                processId,
                contributionId,
                agency,
                "",
                revision,
                submittedAt,
                at,
                content,
                approvals)));
  }

  private void identify(String processId, String agency) {
    if (this.processId == null) {
      this.processId = Objects.requireNonNull(processId, "processId");
    }
    if (this.agency == null) {
      this.agency = Objects.requireNonNull(agency, "agency");
    }
  }

  private void clearPending() {
    pendingRevision = 0;
    pendingAt = null;
  }

  public boolean isWithdrawn() {
    return withdrawn;
  }

  public int revision() {
    return revision;
  }

  /**
   * The saved form of a track.
   *
   * @param contributionId the contribution
   * @param processId its call for inputs, null while unknown
   * @param agency owning agency, null while unknown
   * @param submittedAt first submission, null while unknown
   * @param revision latest revision whose text is known, 0 if none
   * @param content text of that revision, null if none (or withdrawn)
   * @param withdrawn whether it was withdrawn
   * @param approvedRevision revision that entered the record, 0 if none
   * @param endedRevision latest revision whose review round ended (any outcome), 0 if none; states
   *     saved before it was kept read as 0, and their approved revision counts as ended
   * @param pendingRevision approved revision whose text has not arrived yet, 0 if none
   * @param pendingAt when that approval was decided
   * @param votes approving decisions of the latest rounds, to name the approvers
   */
  public record State(
      String contributionId,
      String processId,
      String agency,
      Instant submittedAt,
      int revision,
      Content content,
      boolean withdrawn,
      int approvedRevision,
      int endedRevision,
      int pendingRevision,
      Instant pendingAt,
      List<Vote> votes) {

    public State {
      votes = votes == null ? List.of() : List.copyOf(votes);
    }

    /** A state saved before approvers were kept. */
    public State(
        String contributionId,
        String processId,
        String agency,
        Instant submittedAt,
        int revision,
        Content content,
        boolean withdrawn,
        int approvedRevision,
        int endedRevision,
        int pendingRevision,
        Instant pendingAt) {
      this(
          contributionId,
          processId,
          agency,
          submittedAt,
          revision,
          content,
          withdrawn,
          approvedRevision,
          endedRevision,
          pendingRevision,
          pendingAt,
          List.of());
    }
  }

  /**
   * An approving decision of a revision's round.
   *
   * @param revision the revision approved
   * @param approval who approved, and when
   */
  public record Vote(int revision, Approval approval) {}
}
