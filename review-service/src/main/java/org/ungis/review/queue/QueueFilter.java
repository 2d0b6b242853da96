package org.ungis.review.queue;

import org.ungis.review.review.ReviewItem;

/**
 * Which items of the review queue to list; a null process or agency matches every one.
 *
 * @param processId the call for inputs
 * @param agency the agency that submitted the contribution
 * @param status pending (awaiting an outcome) or decided
 */
public record QueueFilter(String processId, String agency, QueueStatus status) {

  public QueueFilter {
    status = status == null ? QueueStatus.PENDING : status;
  }

  public boolean matches(ReviewItem item) {
    return (processId == null || processId.equals(item.processId()))
        && (agency == null || agency.equals(item.agency()))
        && (status == QueueStatus.PENDING ? item.isPending() : item.isDecided());
  }
}
