package org.ungis.portal.review;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.Set;
import org.ungis.portal.api.Models.QueueItem;
import org.ungis.portal.api.Models.ReviewDecision;

/**
 * What the decision page shows: the input's status and the approvals that count for its current
 * revision, as review-service holds them, with the reviewer's own decision applied when
 * review-service's view has not shown it yet (read-your-writes).
 *
 * <p>review-service answers a decision once its view holds it, within its view timeout; past that
 * timeout the decision is written but the view may still show the revision as undecided. The page
 * then shows the outcome review-service answered, so the reviewer always sees what they just did.
 */
record DecidedStatus(String status, int approvals) {

  /** The decision review-service has just answered, carried to the page across the redirect. */
  record Recorded(int revision, String decision, String outcome, String reviewerAgency)
      implements Serializable {

    static Recorded of(ReviewDecision decision) {
      return new Recorded(
          decision.revision(),
          decision.decision(),
          decision.outcome(),
          decision.reviewer() == null ? null : decision.reviewer().agency());
    }
  }

  /**
   * The status to show: review-service's item as it is, unless {@code recorded} (null after a
   * reload) is a decision on the item's current revision that the item does not show yet.
   */
  static DecidedStatus of(QueueItem item, Recorded recorded) {
    boolean lagging =
        recorded != null
            && recorded.revision() == item.revision()
            && "SUBMITTED".equals(item.status());
    if (!lagging) {
      return new DecidedStatus(item.status(), item.approvals().size());
    }
    Set<String> approvals = new LinkedHashSet<>(item.approvals());
    if ("APPROVED".equals(recorded.decision()) && recorded.reviewerAgency() != null) {
      approvals.add(recorded.reviewerAgency());
    }
    String status = recorded.outcome() != null ? recorded.outcome() : item.status();
    return new DecidedStatus(status, approvals.size());
  }
}
