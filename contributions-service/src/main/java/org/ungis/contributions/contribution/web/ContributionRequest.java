package org.ungis.contributions.contribution.web;

import java.util.List;
import org.ungis.contributions.contribution.Content;

/**
 * The body of a submission (POST) or a revision (PUT). On PUT, {@code processId} may be left out
 * (it cannot change), {@code note} tells the reviewers what changed and {@code expectedRevision} is
 * an alternative to the {@code If-Match} header.
 */
record ContributionRequest(
    String processId,
    String title,
    String summary,
    String body,
    String language,
    List<String> actionLines,
    List<Integer> sdgs,
    List<String> links,
    String note,
    Integer expectedRevision) {

  Content.Draft draft() {
    return new Content.Draft(title, summary, body, language, actionLines, sdgs, links);
  }
}
