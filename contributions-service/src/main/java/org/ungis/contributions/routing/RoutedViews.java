package org.ungis.contributions.routing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionQuery;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Page;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import tools.jackson.core.JacksonException;

/**
 * The views as the use cases see them when the service runs as several instances. Reads of one
 * contribution and of idempotency keys stay local: {@link OwnerRouting} has already brought the
 * request to the instance that owns the key; a miss is confirmed against the key's partition
 * ({@link PartitionOwners#checkServedHere}), so that a partition in handover answers 503, never a
 * wrong 404 or a second contribution for a key. The list is gathered from every instance: each
 * answers with the first {@code (page + 1) * size} matches of its own partitions and how many match
 * ({@link LocalMatchesEndpoint}); they are merged in the list's order (submittedAt, id) and paged
 * here. The answer is refused as 503 unless the shares cover each assigned partition exactly once
 * (a rebalance in between). Without {@code application.server} it is the local view, as before.
 *
 * <p>Cost: every list request reads every instance's whole store (as the one-instance list reads
 * its whole store) plus one HTTP call per other instance, in parallel; the answer carries up to
 * {@code (page + 1) * size} contributions from each instance, so deep pages cost more.
 */
@Primary
@Component
class RoutedViews implements ContributionViews {

  private final ContributionViews local;
  private final PartitionOwners owners;
  private final LocalMatches localMatches;
  private final RequestForwarder forwarder;

  RoutedViews(
      @Qualifier("streamsViews") ContributionViews local,
      PartitionOwners owners,
      LocalMatches localMatches,
      RequestForwarder forwarder) {
    this.local = local;
    this.owners = owners;
    this.localMatches = localMatches;
    this.forwarder = forwarder;
  }

  @Override
  public Optional<Contribution> find(String id) {
    Optional<Contribution> found = local.find(id);
    if (found.isPresent() || !owners.routing()) {
      return found;
    }
    owners.checkServedHere(id);
    return local.find(id);
  }

  @Override
  public Optional<Contribution> awaitChanges(String id, int changes, Duration timeout) {
    return local.awaitChanges(id, changes, timeout);
  }

  @Override
  public Optional<IdempotentRequest> idempotentRequest(String agency, String key) {
    Optional<IdempotentRequest> found = local.idempotentRequest(agency, key);
    if (found.isPresent() || !owners.routing()) {
      return found;
    }
    // The key's entry lives with the contribution its id is derived from (the same task).
    owners.checkServedHere(IdempotentRequest.contributionIdFor(agency, key));
    return local.idempotentRequest(agency, key);
  }

  @Override
  public Page<Contribution> list(ContributionQuery query) {
    if (!owners.routing()) {
      return local.list(query);
    }
    int limit = (int) Math.min((long) (query.page() + 1) * query.size(), Integer.MAX_VALUE);
    Set<Integer> assigned = owners.assignedPartitions();
    String authorization = currentAuthorization();
    List<CompletableFuture<LocalMatches.Share<Contribution>>> remote = new ArrayList<>();
    for (HostInfo peer : owners.peers()) {
      remote.add(fetch(peer, query, limit, authorization));
    }
    List<LocalMatches.Share<Contribution>> shares = new ArrayList<>();
    shares.add(localMatches.find(query.agency(), query.processId(), query.status(), limit));
    for (CompletableFuture<LocalMatches.Share<Contribution>> share : remote) {
      try {
        shares.add(share.join());
      } catch (CompletionException e) {
        if (e.getCause() instanceof RefusedException refused) {
          throw refused;
        }
        throw new RefusedException(
            Refusal.UNAVAILABLE, "An instance of the service did not answer the list; retry");
      }
    }
    return merge(shares, LocalMatches.ORDER, assigned, query.page(), query.size());
  }

  /**
   * One page of the whole list from each instance's share: the shares must cover each assigned
   * partition exactly once (else the assignment changed in between: 503), and each holds at least
   * the first {@code (page + 1) * size} matches of its partitions.
   */
  static <T> Page<T> merge(
      List<LocalMatches.Share<T>> shares,
      Comparator<? super T> order,
      Set<Integer> assigned,
      int page,
      int size) {
    Set<Integer> covered = new HashSet<>();
    long total = 0;
    List<T> merged = new ArrayList<>();
    for (LocalMatches.Share<T> share : shares) {
      for (Integer partition : share.partitions()) {
        if (!covered.add(partition)) {
          throw rebalancing();
        }
      }
      total += share.total();
      merged.addAll(share.items());
    }
    if (assigned.isEmpty() || !covered.equals(assigned)) {
      throw rebalancing();
    }
    merged.sort(order);
    int from = (int) Math.min((long) page * size, merged.size());
    int to = Math.min(from + size, merged.size());
    int totalPages = (int) ((total + size - 1) / size);
    return new Page<>(merged.subList(from, to), page, size, total, totalPages);
  }

  private CompletableFuture<LocalMatches.Share<Contribution>> fetch(
      HostInfo peer, ContributionQuery query, int limit, String authorization) {
    StringBuilder uri =
        new StringBuilder("http://")
            .append(peer.host())
            .append(':')
            .append(peer.port())
            .append(LocalMatchesEndpoint.PATH)
            .append("?limit=")
            .append(limit);
    parameter(uri, "agency", query.agency());
    parameter(uri, "process", query.processId());
    parameter(uri, "status", query.status() == null ? null : query.status().name());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(uri.toString()))
            .timeout(forwarder.timeout())
            .header(HttpHeaders.ACCEPT, "application/json")
            .GET();
    owners
        .self()
        .ifPresent(h -> request.header(RequestForwarder.FORWARDED, h.host() + ":" + h.port()));
    if (authorization != null) {
      request.header(HttpHeaders.AUTHORIZATION, authorization);
    }
    return forwarder
        .http()
        .sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
        .thenApply(response -> share(peer, response));
  }

  private static LocalMatches.Share<Contribution> share(
      HostInfo peer, HttpResponse<byte[]> response) {
    if (response.statusCode() != 200) {
      throw new RefusedException(
          Refusal.UNAVAILABLE,
          "The instance "
              + peer.host()
              + ":"
              + peer.port()
              + " answered "
              + response.statusCode()
              + " to its share of the list; retry");
    }
    try {
      LocalMatchesEndpoint.ShareMessage message =
          LocalMatchesEndpoint.JSON.readValue(
              response.body(), LocalMatchesEndpoint.ShareMessage.class);
      return new LocalMatches.Share<>(
          Set.copyOf(message.partitions()),
          message.total(),
          message.items().stream().map(Contribution::restore).toList());
    } catch (JacksonException e) {
      throw new RefusedException(
          Refusal.UNAVAILABLE, "An instance answered an unreadable share of the list; retry");
    }
  }

  private static void parameter(StringBuilder uri, String name, String value) {
    if (value != null) {
      uri.append('&')
          .append(name)
          .append('=')
          .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static String currentAuthorization() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
      return request.getRequest().getHeader(HttpHeaders.AUTHORIZATION);
    }
    return null;
  }

  private static RefusedException rebalancing() {
    return new RefusedException(
        Refusal.UNAVAILABLE, "The views are being rebalanced between instances; retry");
  }
}
