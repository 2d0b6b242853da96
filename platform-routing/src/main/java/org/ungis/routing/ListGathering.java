package org.ungis.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * A list served from every instance (scatter-gather): the receiving instance asks every other
 * instance in parallel for its share (an internal endpoint of the service, with the caller's bearer
 * token), adds its own and merges them ({@link ListMerge}).
 */
public final class ListGathering<T> {

  private final PartitionOwners owners;
  private final RequestForwarder forwarder;
  private final ShareCodec<T> codec;

  public ListGathering(PartitionOwners owners, RequestForwarder forwarder, ShareCodec<T> codec) {
    this.owners = owners;
    this.forwarder = forwarder;
    this.codec = codec;
  }

  /**
   * Items {@code from} to {@code from + count} of the whole list in {@code order}.
   *
   * @param sharePath the internal endpoint (path and query) that answers a peer's share, encoded
   *     with this object's {@link ShareCodec}, holding at least its first {@code from + count}
   *     matches
   * @param local this instance's share, as that endpoint would answer it
   * @throws RoutingUnavailableException if a peer did not answer or the assignment moved
   */
  public ListMerge.Merged<T> gather(
      String sharePath,
      Supplier<Share<T>> local,
      Comparator<? super T> order,
      long from,
      int count) {
    Set<Integer> assigned = owners.assignedPartitions();
    HostInfo self = owners.self().orElseThrow();
    String authorization = currentAuthorization();
    List<CompletableFuture<Share<T>>> remote = new ArrayList<>();
    for (HostInfo peer : owners.peers()) {
      remote.add(forwarder.get(peer, sharePath, authorization, self).thenApply(codec::decode));
    }
    List<Share<T>> shares = new ArrayList<>();
    shares.add(local.get());
    for (CompletableFuture<Share<T>> share : remote) {
      try {
        shares.add(share.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RoutingUnavailableException unavailable) {
          throw unavailable;
        }
        if (e.getCause() instanceof TimeoutException) {
          throw new RoutingUnavailableException(
              "An instance of the service did not answer its share of the list in time; retry");
        }
        throw new RoutingUnavailableException(
            "An instance of the service did not answer the list; retry");
      }
    }
    return ListMerge.merge(shares, order, assigned, from, count);
  }

  /** The codec of this list's shares, for the internal endpoint that answers them. */
  public ShareCodec<T> codec() {
    return codec;
  }

  private static String currentAuthorization() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      return request.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
    }
    return null;
  }
}
