package org.ungis.review.queue.routing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.ungis.review.messaging.ItemOwners;
import org.ungis.review.messaging.ViewJson;
import org.ungis.review.queue.LocalReviewQueue;
import org.ungis.review.queue.QueueFilter;
import org.ungis.review.queue.ReviewQueue;
import org.ungis.routing.ListGathering;
import org.ungis.routing.ListMerge;
import org.ungis.routing.RequestForwarder;
import org.ungis.routing.Share;
import org.ungis.routing.ShareCodec;

/**
 * The review queue when the service runs as several instances: each instance holds the items of its
 * partitions, so the receiving instance asks every other one for its share ({@link
 * LocalQueueEndpoint}): the first {@code from + count} items its partitions select, with their
 * deadlines, and how many they select; it adds its own and merges them in the queue's order ({@link
 * ReviewQueue#ORDER}). 503 unless the shares cover each assigned partition exactly once (a
 * rebalance in between). Without {@code application.server}, the local queue.
 */
@Primary
@Component
class RoutedReviewQueue implements ReviewQueue {

  static final ShareCodec<QueuedItem> CODEC = new ShareCodec<>(ViewJson.MAPPER, QueuedItem.class);

  private final LocalReviewQueue local;
  private final ItemOwners owners;
  private final ListGathering<QueuedItem> gathering;

  RoutedReviewQueue(
      @Qualifier(LocalReviewQueue.NAME) LocalReviewQueue local,
      ItemOwners owners,
      RequestForwarder forwarder) {
    this.local = local;
    this.owners = owners;
    this.gathering = new ListGathering<>(owners, forwarder, CODEC);
  }

  @Override
  public Slice queue(QueueFilter filter, long from, int count) {
    if (!owners.routing()) {
      return local.queue(filter, from, count);
    }
    int limit = (int) Math.min(from + count, Integer.MAX_VALUE);
    StringBuilder path =
        new StringBuilder(LocalQueueEndpoint.PATH)
            .append("?status=")
            .append(filter.status().name())
            .append("&limit=")
            .append(limit);
    if (filter.processId() != null) {
      path.append("&process=")
          .append(URLEncoder.encode(filter.processId(), StandardCharsets.UTF_8));
    }
    if (filter.agency() != null) {
      path.append("&agency=").append(URLEncoder.encode(filter.agency(), StandardCharsets.UTF_8));
    }
    ListMerge.Merged<QueuedItem> merged =
        gathering.gather(path.toString(), () -> localShare(filter, limit), ORDER, from, count);
    return new Slice(merged.items(), merged.total());
  }

  /** This instance's share: the first matching items of its partitions, and which partitions. */
  Share<QueuedItem> localShare(QueueFilter filter, int limit) {
    return owners.localShare(() -> local.matching(filter), ORDER, limit);
  }
}
