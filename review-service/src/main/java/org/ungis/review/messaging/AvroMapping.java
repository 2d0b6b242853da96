package org.ungis.review.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.process.WithdrawalAfterClosure;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.reference.ReviewerRole;
import org.ungis.review.call.CallEvent;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallState;
import org.ungis.review.call.Extension;
import org.ungis.review.call.JointInput;
import org.ungis.review.call.WithdrawalRule;
import org.ungis.review.review.RefusedDecision;
import org.ungis.review.review.ReviewDecision;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.review.Verdict;
import org.ungis.review.rules.Actor;

/** Maps between the Avro events of the topics and the domain. The only place that knows both. */
final class AvroMapping {

  private AvroMapping() {}

  // ---- calls for inputs

  static CallForInputsEvent toEvent(
      UUID eventId,
      CallForInputs call,
      CallChange change,
      Actor actor,
      ReviewerRole role,
      Instant at) {
    return CallForInputsEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(at)
        .setActor(actor(actor, role == null ? null : role.name()))
        .setProcessId(call.id())
        .setChange(change)
        .setTitle(call.title())
        .setDescription(call.description())
        .setDeadline(call.deadline())
        .setStatus(call.isOpen() ? CallStatus.OPEN : CallStatus.CLOSED)
        .setRequiredApprovals(call.requiredApprovals())
        .setSymbol(call.document().symbol())
        .setRecordLanguage(Language.valueOf(call.document().language()))
        .setWithdrawalAfterClosure(
            WithdrawalAfterClosure.valueOf(call.document().withdrawalAfterClosure().name()))
        .setIntroduction(call.document().introduction())
        .setConclusion(call.document().conclusion())
        .setExtensions(
            call.extensions().stream()
                .map(
                    e ->
                        DeadlineExtension.newBuilder()
                            .setAgency(e.agency())
                            .setDeadline(e.deadline())
                            .setReason(e.reason())
                            .build())
                .toList())
        .build();
  }

  static CallForInputs toCall(CallForInputsEvent event) {
    List<Extension> extensions =
        event.getExtensions().stream()
            .map(e -> new Extension(e.getAgency(), e.getDeadline(), e.getReason()))
            .toList();
    return new CallForInputs(
        event.getProcessId(),
        event.getTitle(),
        event.getDescription(),
        event.getDeadline(),
        event.getRequiredApprovals(),
        event.getStatus() == CallStatus.OPEN ? CallState.OPEN : CallState.CLOSED,
        extensions,
        new JointInput(
            event.getSymbol(),
            event.getRecordLanguage() == null ? "EN" : event.getRecordLanguage().name(),
            event.getWithdrawalAfterClosure() == WithdrawalAfterClosure.CORRIGENDUM
                ? WithdrawalRule.CORRIGENDUM
                : WithdrawalRule.REFUSED,
            event.getIntroduction(),
            event.getConclusion()));
  }

  // ---- contributions

  /**
   * The review item after a contribution event.
   *
   * @throws IllegalArgumentException when the event cannot apply (the record goes to the DLT)
   */
  static ReviewItem apply(ReviewItem current, ContributionEvent event) {
    Object payload = event.getPayload();
    Instant at = event.getOccurredAt();
    if (payload instanceof ContributionSubmitted submitted) {
      if (current != null) {
        if (current.revision() >= event.getRevision()) {
          return current; // a repeated submission changes nothing
        }
        throw new IllegalArgumentException(
            "second submission of "
                + event.getContributionId()
                + " at revision "
                + event.getRevision());
      }
      return ReviewItem.submitted(
          event.getContributionId(),
          event.getProcessId(),
          event.getAgency(),
          event.getRevision(),
          submitted.getContent().getTitle(),
          submitted.getContent().getSummary(),
          at);
    }
    if (payload instanceof ContributionRevised revised) {
      if (current == null) {
        // The submission is older than the topic's retention: start from this revision.
        return ReviewItem.submitted(
            event.getContributionId(),
            event.getProcessId(),
            event.getAgency(),
            event.getRevision(),
            revised.getContent().getTitle(),
            revised.getContent().getSummary(),
            at);
      }
      if (current.revision() == event.getRevision()) {
        return current; // a repeated revision changes nothing
      }
      return current.revised(
          event.getRevision(),
          revised.getContent().getTitle(),
          revised.getContent().getSummary(),
          at);
    }
    if (payload instanceof ContributionWithdrawn) {
      if (current == null) {
        throw new IllegalArgumentException(
            "withdrawal of unknown contribution " + event.getContributionId());
      }
      return current.withdrawn();
    }
    throw new IllegalArgumentException("unknown contribution payload " + payload);
  }

  // ---- reviews

  static ReviewEvent toEvent(UUID eventId, ReviewDecision d) {
    return ReviewEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(d.at())
        .setActor(actor(d.reviewer(), d.role().name()))
        .setContributionId(d.contributionId())
        .setProcessId(d.processId())
        .setAgency(d.owner())
        .setRevision(d.revision())
        .setPayload(
            DecisionRecorded.newBuilder()
                .setDecision(Decision.valueOf(d.decision().name()))
                .setComment(d.comment())
                .setOutcome(d.outcome() == null ? null : Decision.valueOf(d.outcome().name()))
                .build())
        .build();
  }

  static ReviewEvent toEvent(UUID eventId, RefusedDecision r) {
    return ReviewEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(r.at())
        .setActor(actor(r.reviewer(), r.role()))
        .setContributionId(r.contributionId())
        .setProcessId(r.processId())
        .setAgency(r.owner())
        .setRevision(r.revision())
        .setPayload(
            DecisionRefused.newBuilder()
                .setAttempted(Decision.valueOf(r.attempted().name()))
                .setReason(r.reason())
                .setMessage(r.message() == null ? "" : r.message())
                .build())
        .build();
  }

  /**
   * The review item after a review event.
   *
   * @throws IllegalArgumentException when the event cannot apply (the record goes to the DLT)
   */
  static ReviewItem apply(ReviewItem current, ReviewEvent event) {
    if (current == null) {
      throw new IllegalArgumentException(
          "review event about unknown contribution " + event.getContributionId());
    }
    Actor reviewer = new Actor(event.getActor().getAgency(), event.getActor().getPrincipal());
    String role = event.getActor().getRole().name();
    String eventId = event.getEventId().toString();
    Object payload = event.getPayload();
    if (payload instanceof DecisionRecorded recorded) {
      return current.recorded(
          eventId,
          event.getRevision(),
          reviewer,
          role,
          verdict(recorded.getDecision()),
          recorded.getComment(),
          recorded.getOutcome() == null ? null : verdict(recorded.getOutcome()),
          event.getOccurredAt());
    }
    if (payload instanceof DecisionRefused refused) {
      return current.refused(
          eventId,
          event.getRevision(),
          reviewer,
          role,
          verdict(refused.getAttempted()),
          refused.getReason(),
          refused.getMessage(),
          event.getOccurredAt());
    }
    throw new IllegalArgumentException("unknown review payload " + payload);
  }

  private static Verdict verdict(Decision decision) {
    return Verdict.valueOf(decision.name());
  }

  private static org.ungis.events.common.Actor actor(Actor actor, String role) {
    ActorRole avroRole;
    try {
      avroRole = role == null ? ActorRole.UNKNOWN : ActorRole.valueOf(role);
    } catch (IllegalArgumentException e) {
      avroRole = ActorRole.UNKNOWN;
    }
    return org.ungis.events.common.Actor.newBuilder()
        .setAgency(actor.agency())
        .setPrincipal(actor.principal())
        .setRole(avroRole)
        .build();
  }

  /** The published change of a call event. */
  static CallChange change(CallEvent what) {
    return switch (what) {
      case OPENED -> CallChange.OPENED;
      case CLOSED -> CallChange.CLOSED;
      case EXTENSION_GRANTED -> CallChange.EXTENSION_GRANTED;
      case UPDATED -> CallChange.UPDATED;
    };
  }
}
