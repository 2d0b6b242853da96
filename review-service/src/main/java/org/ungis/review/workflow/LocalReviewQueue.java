package org.ungis.review.workflow;

import java.util.List;
import org.springframework.stereotype.Component;
import org.ungis.review.messaging.Views;
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
  public List<ReviewItem> queue(String processId, QueueStatus status) {
    return views.items().stream()
        .filter(i -> ReviewQueue.matches(i, processId, status))
        .sorted(ORDER)
        .toList();
  }
}
