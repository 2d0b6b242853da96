package org.ungis.contributions.contribution.messaging;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.ungis.contributions.contribution.ActionLine;
import org.ungis.contributions.contribution.Actor;
import org.ungis.contributions.contribution.Call;
import org.ungis.contributions.contribution.Content;
import org.ungis.contributions.contribution.ContributionChange;
import org.ungis.contributions.contribution.Decision;
import org.ungis.contributions.contribution.Language;
import org.ungis.contributions.contribution.RefusedDecision;
import org.ungis.contributions.contribution.Review;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.process.WithdrawalAfterClosure;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;

/** Maps between the domain and the Avro contract; the only place that knows both. */
final class AvroMapping {

  private AvroMapping() {}

  static ContributionEvent toAvro(ContributionChange change) {
    Object payload;
    if (change instanceof ContributionChange.Submitted s) {
      payload = ContributionSubmitted.newBuilder().setContent(toAvro(s.content())).build();
    } else if (change instanceof ContributionChange.Revised r) {
      payload =
          ContributionRevised.newBuilder()
              .setContent(toAvro(r.content()))
              .setNote(r.note())
              .build();
    } else if (change instanceof ContributionChange.Withdrawn w) {
      payload = ContributionWithdrawn.newBuilder().setReason(w.reason()).build();
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
    ContributionChange.Meta meta = change.meta();
    return ContributionEvent.newBuilder()
        .setEventId(meta.eventId())
        .setOccurredAt(meta.occurredAt())
        .setActor(
            org.ungis.events.common.Actor.newBuilder()
                .setAgency(meta.actor().agency())
                .setPrincipal(meta.actor().principal())
                .setRole(ActorRole.AGENCY)
                .build())
        .setContributionId(change.contributionId())
        .setProcessId(change.processId())
        .setAgency(change.agency())
        .setRevision(change.revision())
        .setPayload(payload)
        .build();
  }

  static ContributionContent toAvro(Content content) {
    return ContributionContent.newBuilder()
        .setTitle(content.title())
        .setSummary(content.summary())
        .setBody(content.body())
        .setLanguage(org.ungis.events.common.Language.valueOf(content.language().name()))
        .setActionLines(
            content.actionLines().stream()
                .map(a -> org.ungis.events.common.ActionLine.valueOf(a.name()))
                .toList())
        .setSdgs(content.sdgs())
        .setLinks(content.links())
        .build();
  }

  static Content toDomain(ContributionContent content) {
    return new Content(
        content.getTitle(),
        content.getSummary(),
        content.getBody(),
        Language.valueOf(content.getLanguage().name()),
        content.getActionLines().stream().map(a -> ActionLine.valueOf(a.name())).toList(),
        content.getSdgs(),
        content.getLinks());
  }

  static ContributionChange.Meta meta(ContributionEvent event) {
    return new ContributionChange.Meta(
        event.getEventId(), event.getOccurredAt(), actor(event.getActor()));
  }

  static Actor actor(org.ungis.events.common.Actor actor) {
    return new Actor(actor.getAgency(), actor.getPrincipal());
  }

  static Review toDomain(ReviewEvent event, DecisionRecorded decision) {
    return new Review(
        event.getEventId(),
        event.getActor().getAgency(),
        event.getActor().getPrincipal(),
        event.getActor().getRole().name(),
        Decision.valueOf(decision.getDecision().name()),
        decision.getComment(),
        decision.getOutcome() == null ? null : Decision.valueOf(decision.getOutcome().name()),
        event.getRevision(),
        false,
        event.getOccurredAt());
  }

  static RefusedDecision toDomain(ReviewEvent event, DecisionRefused refused) {
    return new RefusedDecision(
        event.getEventId(),
        event.getActor().getAgency(),
        event.getActor().getPrincipal(),
        event.getActor().getRole().name(),
        Decision.valueOf(refused.getAttempted().name()),
        refused.getReason(),
        refused.getMessage(),
        event.getRevision(),
        event.getOccurredAt());
  }

  static Call toDomain(CallForInputsEvent event) {
    Map<String, Instant> extensions = new HashMap<>();
    for (DeadlineExtension extension : event.getExtensions()) {
      extensions.merge(extension.getAgency(), extension.getDeadline(), AvroMapping::later);
    }
    return new Call(
        event.getProcessId(),
        event.getTitle(),
        event.getStatus() == CallStatus.OPEN,
        event.getDeadline(),
        extensions,
        event.getWithdrawalAfterClosure() == WithdrawalAfterClosure.CORRIGENDUM);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
