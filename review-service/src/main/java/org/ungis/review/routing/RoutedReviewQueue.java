package org.ungis.review.routing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.ungis.review.messaging.ItemOwners;
import org.ungis.review.messaging.ViewJson;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.workflow.LocalReviewQueue;
import org.ungis.review.workflow.QueueStatus;
import org.ungis.review.workflow.ReviewQueue;
import org.ungis.routing.ListGathering;
import org.ungis.routing.RequestForwarder;
import org.ungis.routing.Share;
import org.ungis.routing.ShareCodec;

/**
 * The review queue when the service runs as several instances: each instance holds the items of its
 * partitions, so the receiving instance asks every other one for its share ({@link
 * LocalQueueEndpoint}), adds its own and merges them in the queue's order ({@link
 * ReviewQueue#ORDER}). 503 unless the shares cover each assigned partition exactly once (a
 * rebalance in between). Without {@code application.server}, the local queue as before.
 */
@Primary
@Component
class RoutedReviewQueue implements ReviewQueue {

  static final ShareCodec<ReviewItem> CODEC = new ShareCodec<>(ViewJson.MAPPER, ReviewItem.class);

  private final ReviewQueue local;
  private final ItemOwners owners;
  private final ListGathering<ReviewItem> gathering;

  RoutedReviewQueue(
      @Qualifier(LocalReviewQueue.NAME) ReviewQueue local,
      ItemOwners owners,
      RequestForwarder forwarder) {
    this.local = local;
    this.owners = owners;
    this.gathering = new ListGathering<>(owners, forwarder, CODEC);
  }

  @Override
  public List<ReviewItem> queue(String processId, QueueStatus status) {
    if (!owners.routing()) {
      return local.queue(processId, status);
    }
    String path =
        LocalQueueEndpoint.PATH
            + "?status="
            + status.name()
            + (processId == null
                ? ""
                : "&process=" + URLEncoder.encode(processId, StandardCharsets.UTF_8));
    return gathering
        .gather(path, () -> localShare(processId, status), ORDER, 0, Integer.MAX_VALUE)
        .items();
  }

  /** This instance's share: the matching items of its partitions, and which partitions. */
  Share<ReviewItem> localShare(String processId, QueueStatus status) {
    return owners.localShare(() -> local.queue(processId, status), ORDER, Integer.MAX_VALUE);
  }
}
