package org.ungis.contributions.contribution.web;

import java.time.Instant;
import java.util.List;
import org.ungis.contributions.contribution.ActionLine;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.Review;

/** A contribution as the API shows it: its current revision's text, status and decisions. */
record ContributionResponse(
    String id,
    String agency,
    String processId,
    String status,
    int revision,
    String title,
    String summary,
    String body,
    String language,
    List<String> actionLines,
    List<Integer> sdgs,
    List<String> links,
    Instant submittedAt,
    Instant updatedAt,
    String withdrawalReason,
    List<DecisionResponse> decisions) {

  /** One review decision on one revision. */
  record DecisionResponse(
      String reviewerAgency,
      String reviewerPrincipal,
      String decision,
      String outcome,
      String comment,
      int revision,
      boolean stale,
      Instant decidedAt) {

    static DecisionResponse of(Review r) {
      return new DecisionResponse(
          r.reviewerAgency(),
          r.reviewerPrincipal(),
          r.decision().name(),
          r.outcome() == null ? null : r.outcome().name(),
          r.comment(),
          r.revision(),
          r.stale(),
          r.decidedAt());
    }
  }

  static ContributionResponse of(Contribution c) {
    var content = c.content();
    return new ContributionResponse(
        c.id(),
        c.agency(),
        c.processId(),
        c.status().name(),
        c.revision(),
        content.title(),
        content.summary(),
        content.body(),
        content.language().name(),
        content.actionLines().stream().map(ActionLine::name).toList(),
        content.sdgs(),
        content.links(),
        c.submittedAt(),
        c.updatedAt(),
        c.withdrawalReason(),
        c.reviews().stream().map(DecisionResponse::of).toList());
  }
}
