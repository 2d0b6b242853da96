package org.ungis.review;

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

/** Contribution events as contributions-service writes them. */
public final class TestEvents {

  private TestEvents() {}

  public static ContributionEvent submitted(
      String contributionId, String processId, String agency, String title, Instant at) {
    return event(
        contributionId,
        processId,
        agency,
        1,
        at,
        ContributionSubmitted.newBuilder().setContent(content(title)).build());
  }

  public static ContributionEvent revised(
      String contributionId,
      String processId,
      String agency,
      int revision,
      String title,
      Instant at) {
    return event(
        contributionId,
        processId,
        agency,
        revision,
        at,
        ContributionRevised.newBuilder()
            .setContent(content(title))
            .setNote("as requested")
            .build());
  }

  public static ContributionEvent withdrawn(
      String contributionId, String processId, String agency, int revision, Instant at) {
    return event(
        contributionId,
        processId,
        agency,
        revision,
        at,
        ContributionWithdrawn.newBuilder().setReason("superseded").build());
  }

  static ContributionContent content(String title) {
    return ContributionContent.newBuilder()
        .setTitle(title)
        .setSummary("Summary of " + title)
        .setBody("Body of " + title)
        .setLanguage(Language.EN)
        .setActionLines(List.of(ActionLine.C2, ActionLine.C7))
        .setSdgs(List.of(4, 9))
        .setLinks(List.of("https://www.itu.int/wsis"))
        .build();
  }

  private static ContributionEvent event(
      String contributionId,
      String processId,
      String agency,
      int revision,
      Instant at,
      Object payload) {
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(at)
        .setActor(
            Actor.newBuilder()
                .setAgency(agency)
                .setPrincipal("focal.point@" + agency.toLowerCase() + ".org")
                .setRole(ActorRole.AGENCY)
                .build())
        .setContributionId(contributionId)
        .setProcessId(processId)
        .setAgency(agency)
        .setRevision(revision)
        .setPayload(payload)
        .build();
  }
}
