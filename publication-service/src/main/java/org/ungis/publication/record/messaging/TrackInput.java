package org.ungis.publication.record.messaging;

import java.time.Instant;
import java.util.List;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.Content;

/** What the contribution tracker takes from the contributions and reviews topics. */
sealed interface TrackInput {

  record Text(String processId, String agency, int revision, Content content, Instant at)
      implements TrackInput {}

  record Approved(String processId, String agency, int revision, Instant at, Approval by)
      implements TrackInput {}

  /** An approving decision that did not end its round (more approvals are needed). */
  record Voted(String processId, String agency, int revision, Approval by) implements TrackInput {}

  /** A review round that ended without an approval (rejected, or changes requested). */
  record EndedWithoutApproval(String processId, String agency, int revision)
      implements TrackInput {}

  record Withdrawn(String processId, String agency, Instant at) implements TrackInput {}

  static List<TrackInput> of(ContributionEvent event) {
    Object payload = event.getPayload();
    if (payload instanceof ContributionSubmitted submitted) {
      return List.of(text(event, submitted.getContent()));
    }
    if (payload instanceof ContributionRevised revised) {
      return List.of(text(event, revised.getContent()));
    }
    if (payload instanceof ContributionWithdrawn) {
      return List.of(new Withdrawn(event.getProcessId(), event.getAgency(), event.getOccurredAt()));
    }
    return List.of();
  }

  /**
   * A decision that ends its round: an approval enters the record; any other outcome only ends the
   * round, so that a later outcome for the same revision is not taken.
   */
  static List<TrackInput> of(ReviewEvent event) {
    if (!(event.getPayload() instanceof DecisionRecorded recorded)) {
      return List.of();
    }
    Approval by =
        new Approval(
            event.getActor().getAgency(), event.getActor().getPrincipal(), event.getOccurredAt());
    if (recorded.getOutcome() == null) {
      return recorded.getDecision() == Decision.APPROVED
          ? List.of(new Voted(event.getProcessId(), event.getAgency(), event.getRevision(), by))
          : List.of();
    }
    if (recorded.getOutcome() == Decision.APPROVED) {
      return List.of(
          new Approved(
              event.getProcessId(),
              event.getAgency(),
              event.getRevision(),
              event.getOccurredAt(),
              recorded.getDecision() == Decision.APPROVED ? by : null));
    }
    return List.of(
        new EndedWithoutApproval(event.getProcessId(), event.getAgency(), event.getRevision()));
  }

  private static Text text(
      ContributionEvent event, org.ungis.events.common.ContributionContent content) {
    return new Text(
        event.getProcessId(),
        event.getAgency(),
        event.getRevision(),
        RecordMessages.content(content),
        event.getOccurredAt());
  }
}
