package org.ungis.review.queue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.ungis.review.review.ReviewItem;

/**
 * The review queue, filtered and paged. Its order: the nearest deadline first (the deadline of the
 * item's call for the item's agency, with its extension if it has one; items of a call this
 * instance does not know come last), then the submission time of the current revision, then the
 * contribution id.
 */
public interface ReviewQueue {

  Comparator<QueuedItem> ORDER =
      Comparator.comparing(
              QueuedItem::deadline, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
          .thenComparing(q -> q.item().submittedAt())
          .thenComparing(q -> q.item().contributionId());

  /**
   * Items {@code from} to {@code from + count} of the queue that {@code filter} selects, and how
   * many it selects in all.
   */
  Slice queue(QueueFilter filter, long from, int count);

  /**
   * A slice of the ordered queue.
   *
   * @param items the slice
   * @param total how many items the whole filtered queue has
   */
  record Slice(List<QueuedItem> items, long total) {
    public Slice {
      items = List.copyOf(items);
    }
  }

  /**
   * An item with the deadline that orders it.
   *
   * @param item the item
   * @param deadline its call's deadline for its agency, or null if the call is not known here
   */
  record QueuedItem(ReviewItem item, Instant deadline) {}
}
