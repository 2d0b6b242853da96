package org.ungis.publication.record.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.WithdrawalAfterClosure;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;

/** The input events as contributions-service and review-service write them. */
public final class InputEvents {

  public static final Instant DEADLINE = Instant.parse("2023-04-30T23:59:59Z");

  private InputEvents() {}

  public static CallForInputsEvent call(String processId, CallStatus status, Instant at) {
    return new CallForInputsEvent(
        UUID.randomUUID(),
        at,
        new Actor("ITU", "chair@itu.int", ActorRole.CHAIR),
        processId,
        status == CallStatus.OPEN ? CallChange.OPENED : CallChange.CLOSED,
        "UNGIS joint input to the Global Digital Compact",
        "Inputs of the UNGIS members to the GDC consultation.",
        DEADLINE,
        status,
        1,
        List.of(),
        "UNGIS/2023/GDC/1",
        Language.EN,
        WithdrawalAfterClosure.REFUSED,
        "",
        "");
  }

  public static ContributionContent content(String title, String body) {
    return new ContributionContent(
        title,
        "Summary of " + title,
        body,
        Language.EN,
        List.of(ActionLine.C2, ActionLine.C7),
        List.of(9, 17),
        List.of("https://www.itu.int/wsis/"));
  }

  public static ContributionEvent submitted(
      String contributionId, String processId, String agency, ContributionContent c, Instant at) {
    return new ContributionEvent(
        UUID.randomUUID(),
        at,
        new Actor(agency, "focal.point@" + agency.toLowerCase() + ".org", ActorRole.AGENCY),
        contributionId,
        processId,
        agency,
        1,
        new ContributionSubmitted(c));
  }

  public static ContributionEvent revised(
      String contributionId,
      String processId,
      String agency,
      int revision,
      ContributionContent c,
      Instant at) {
    return new ContributionEvent(
        UUID.randomUUID(),
        at,
        new Actor(agency, "focal.point@" + agency.toLowerCase() + ".org", ActorRole.AGENCY),
        contributionId,
        processId,
        agency,
        revision,
        new ContributionRevised(c, "as requested"));
  }

  public static ContributionEvent withdrawn(
      String contributionId, String processId, String agency, int revision, Instant at) {
    return new ContributionEvent(
        UUID.randomUUID(),
        at,
        new Actor(agency, "focal.point@" + agency.toLowerCase() + ".org", ActorRole.AGENCY),
        contributionId,
        processId,
        agency,
        revision,
        new ContributionWithdrawn("superseded by a joint text"));
  }

  public static ReviewEvent decided(
      String contributionId,
      String processId,
      String agency,
      int revision,
      Decision decision,
      Decision outcome,
      Instant at) {
    return new ReviewEvent(
        UUID.randomUUID(),
        at,
        new Actor("UNDP", "chair@undp.org", ActorRole.CHAIR),
        contributionId,
        processId,
        agency,
        revision,
        new DecisionRecorded(decision, decision == Decision.APPROVED ? null : "please", outcome));
  }

  public static ReviewEvent approved(
      String contributionId, String processId, String agency, int revision, Instant at) {
    return decided(
        contributionId, processId, agency, revision, Decision.APPROVED, Decision.APPROVED, at);
  }
}
