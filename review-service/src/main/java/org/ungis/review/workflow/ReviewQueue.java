package org.ungis.review.workflow;

import java.util.Comparator;
import java.util.List;
import org.ungis.review.review.ReviewItem;

/** The review queue: items of a call (or all calls) in a status, oldest revision first. */
public interface ReviewQueue {

  /** The queue's order: the current revision's submission time, then the contribution id. */
  Comparator<ReviewItem> ORDER =
      Comparator.comparing(ReviewItem::submittedAt).thenComparing(ReviewItem::contributionId);

  List<ReviewItem> queue(String processId, QueueStatus status);

  /** Whether an item belongs in a queue. */
  static boolean matches(ReviewItem item, String processId, QueueStatus status) {
    return (processId == null || processId.equals(item.processId()))
        && (status == QueueStatus.PENDING ? item.isPending() : item.isDecided());
  }
}
