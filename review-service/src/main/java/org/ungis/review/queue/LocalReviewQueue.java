package org.ungis.review.queue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallViews;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.review.ReviewViews;

/** The queue from this instance's view: every item with one instance, its partitions' with more. */
public class LocalReviewQueue implements ReviewQueue {

  public static final String NAME = "localReviewQueue";

  private final CallViews callViews;
  private final ReviewViews itemViews;

  public LocalReviewQueue(CallViews calls, ReviewViews items) {
    this.callViews = calls;
    this.itemViews = items;
  }

  @Override
  public Slice queue(QueueFilter filter, long from, int count) {
    List<QueuedItem> all = matching(filter);
    int start = (int) Math.min(from, all.size());
    int end = (int) Math.min((long) start + count, all.size());
    return new Slice(all.subList(start, end), all.size());
  }

  /** Every item of this instance's view that the filter selects, in the queue's order. */
  public List<QueuedItem> matching(QueueFilter filter) {
    Map<String, CallForInputs> calls =
        callViews.calls().stream()
            .collect(Collectors.toMap(CallForInputs::id, Function.identity(), (a, b) -> b));
    return itemViews.items().stream()
        .filter(filter::matches)
        .map(item -> new QueuedItem(item, deadline(calls.get(item.processId()), item)))
        .sorted(ORDER)
        .toList();
  }

  private static Instant deadline(CallForInputs call, ReviewItem item) {
    return call == null ? null : call.deadlineFor(item.agency());
  }
}
