package org.ungis.portal.live;

import java.util.List;
import java.util.Optional;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;

/** Turns the workflow's events into what the pages show live. */
final class LiveEvents {

  private LiveEvents() {}

  static Optional<LiveEvent> of(Object value) {
    if (value instanceof ContributionEvent e) {
      return contribution(e);
    }
    if (value instanceof ReviewEvent e && e.getPayload() instanceof DecisionRecorded d) {
      String decision = d.getDecision().name();
      String key =
          "APPROVED".equals(decision)
              ? (d.getOutcome() == null ? "live.approved.more" : "live.approved.quorum")
              : "live." + decision;
      return Optional.of(
          new LiveEvent(
              LiveEvent.CONTRIBUTION,
              e.getAgency(),
              true,
              e.getContributionId(),
              key,
              List.of(e.getActor().getAgency(), e.getAgency())));
    }
    if (value instanceof CallForInputsEvent e) {
      return Optional.of(
          new LiveEvent(
              LiveEvent.CALL,
              null,
              false,
              e.getProcessId(),
              "live.call." + e.getChange().name(),
              List.of(e.getTitle())));
    }
    if (value instanceof RecordEvent e && e.getPayload() instanceof RecordEdition edition) {
      return Optional.of(
          new LiveEvent(
              LiveEvent.RECORD,
              null,
              false,
              e.getProcessId(),
              "live.edition",
              List.of(edition.getCallTitle(), edition.getEdition())));
    }
    return Optional.empty();
  }

  /** An input sent or revised, which reviewers' queues are to show. */
  static Optional<ArrivingInputs.Arrival> arrival(Object value) {
    if (value instanceof ContributionEvent e
        && (e.getPayload() instanceof ContributionSubmitted
            || e.getPayload() instanceof ContributionRevised)) {
      return Optional.of(
          new ArrivingInputs.Arrival(
              e.getContributionId(), e.getProcessId(), e.getAgency(), e.getRevision()));
    }
    return Optional.empty();
  }

  private static Optional<LiveEvent> contribution(ContributionEvent e) {
    String key;
    Object payload = e.getPayload();
    if (payload instanceof ContributionSubmitted) {
      key = "live.submitted";
    } else if (payload instanceof ContributionRevised) {
      key = "live.revised";
    } else if (payload instanceof ContributionWithdrawn) {
      key = "live.withdrawn";
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new LiveEvent(
            LiveEvent.CONTRIBUTION,
            e.getAgency(),
            true,
            e.getContributionId(),
            key,
            List.of(e.getAgency(), e.getRevision())));
  }
}
