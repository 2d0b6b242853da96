package org.ungis.notification.notice;

import java.time.Instant;
import java.util.List;
import org.ungis.notification.notice.Notice.Facts;

/** Decides who is told of a workflow event that needs no memory of earlier events. */
public final class Planner {

  private final Recipients recipients;

  public Planner(Recipients recipients) {
    this.recipients = recipients;
  }

  /** A new input (revision 1) or a new revision awaits the reviewers of the period. */
  public List<Notice> awaitingReview(
      String eventId,
      Instant at,
      String processId,
      String contributionId,
      String agency,
      String title,
      int revision) {
    Kind kind = revision <= 1 ? Kind.INPUT_AWAITING : Kind.REVISION_AWAITING;
    Facts facts = new Facts(processId, title, contributionId, agency, null, null, revision);
    return recipients.reviewersAt(at).stream()
        .map(p -> new Notice(eventId, kind, p, facts))
        .toList();
  }

  /**
   * The end of a review round tells the agency's focal points.
   *
   * @param outcome APPROVED, REJECTED or CHANGES_REQUESTED
   */
  public List<Notice> reviewed(
      String eventId,
      String processId,
      String contributionId,
      String agency,
      String outcome,
      String comment,
      int revision) {
    Kind kind = Kind.valueOf(outcome);
    if (kind != Kind.APPROVED && kind != Kind.REJECTED && kind != Kind.CHANGES_REQUESTED) {
      throw new IllegalArgumentException("not a review outcome: " + outcome);
    }
    Facts facts = new Facts(processId, null, contributionId, agency, null, comment, revision);
    return recipients.focalPointsOf(agency).stream()
        .map(p -> new Notice(eventId, kind, p, facts))
        .toList();
  }
}
