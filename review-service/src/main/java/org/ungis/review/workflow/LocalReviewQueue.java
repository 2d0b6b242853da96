package org.ungis.review.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.ungis.review.messaging.Views;
import org.ungis.review.process.CallForInputs;
import org.ungis.review.review.ReviewItem;

/** The queue from this instance's view: every item with one instance, its partitions' with more. */
@Component(LocalReviewQueue.NAME)
public class LocalReviewQueue implements ReviewQueue {

  public static final String NAME = "localReviewQueue";

  private final Views views;

  LocalReviewQueue(Views views) {
    this.views = views;
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
        views.calls().stream()
            .collect(Collectors.toMap(CallForInputs::id, Function.identity(), (a, b) -> b));
    return views.items().stream()
        .filter(filter::matches)
        .map(item -> new QueuedItem(item, deadline(calls.get(item.processId()), item)))
        .sorted(ORDER)
        .toList();
  }

  private static Instant deadline(CallForInputs call, ReviewItem item) {
    return call == null ? null : call.deadlineFor(item.agency());
  }
}
