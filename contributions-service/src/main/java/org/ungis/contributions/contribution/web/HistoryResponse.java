package org.ungis.contributions.contribution.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.HistoryEntry;

/** The audit trail of one contribution, oldest first. */
record HistoryResponse(
    String contributionId, String agency, String status, int revision, List<Entry> entries) {

  /**
   * One entry; fields that do not apply to its {@code type} are left out. {@code stale} is set on
   * recorded decisions: true when the decision was about an older revision than the current one.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(
      String type,
      UUID eventId,
      Instant at,
      ActorResponse actor,
      int revision,
      String note,
      String reason,
      String message,
      String decision,
      String outcome,
      String comment,
      Boolean stale) {}

  /** Who acted. */
  record ActorResponse(String agency, String principal, String role) {}

  static HistoryResponse of(Contribution c) {
    return new HistoryResponse(
        c.id(),
        c.agency(),
        c.status().name(),
        c.revision(),
        c.history().stream().map(h -> entry(h, c.revision())).toList());
  }

  private static Entry entry(HistoryEntry h, int currentRevision) {
    boolean recorded = h.kind() == HistoryEntry.Kind.DECISION_RECORDED;
    return new Entry(
        h.kind().name(),
        h.eventId(),
        h.at(),
        new ActorResponse(h.actorAgency(), h.actorPrincipal(), h.actorRole()),
        h.revision(),
        h.note(),
        h.reason(),
        h.message(),
        h.decision() == null ? null : h.decision().name(),
        h.outcome() == null ? null : h.outcome().name(),
        h.comment(),
        recorded ? h.revision() < currentRevision : null);
  }
}
