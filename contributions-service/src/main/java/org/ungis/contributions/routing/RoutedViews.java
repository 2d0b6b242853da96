package org.ungis.contributions.routing;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionQuery;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Page;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.routing.ListGathering;
import org.ungis.routing.ListMerge;
import org.ungis.routing.PartitionOwners;
import org.ungis.routing.RequestForwarder;
import org.ungis.routing.RoutingUnavailableException;

/**
 * The views as the use cases see them when the service runs as several instances. Reads of one
 * contribution and of idempotency keys stay local: {@link ContributionRouting} has already brought
 * the request to the instance that owns the key; a miss is confirmed against the key's partition
 * ({@link ContributionOwners#checkServedHere}), so that a partition in handover answers 503, never
 * a wrong 404 or a second contribution for a key. The list is gathered from every instance ({@link
 * ListGathering}): each answers with the first {@code (page + 1) * size} matches of its own
 * partitions and how many match ({@link LocalMatchesEndpoint}); they are merged in the list's order
 * ({@code ContributionOrder}) and paged here. The answer is refused as 503 unless the shares cover
 * each assigned partition exactly once (a rebalance in between). Without {@code application.server}
 * it is the local view, as before.
 *
 * <p>Cost: one HTTP call per other instance, in parallel; each instance reads its first {@code
 * (page + 1) * size} matches through the index when the filter names an agency, and its whole store
 * otherwise ({@code ContributionMatches}); the answer carries up to {@code (page + 1) * size}
 * contributions from each instance, so deep pages cost more.
 */
@Primary
@Component
class RoutedViews implements ContributionViews {

  private final ContributionViews local;
  private final ContributionOwners owners;
  private final LocalMatches localMatches;
  private final ListGathering<Contribution.State> gathering;

  RoutedViews(
      @Qualifier("streamsViews") ContributionViews local,
      ContributionOwners owners,
      LocalMatches localMatches,
      RequestForwarder forwarder) {
    this.local = local;
    this.owners = owners;
    this.localMatches = localMatches;
    this.gathering = new ListGathering<>(owners, forwarder, LocalMatchesEndpoint.CODEC);
  }

  @Override
  public void awaitCaughtUp(String id, Duration timeout) {
    local.awaitCaughtUp(id, timeout);
  }

  @Override
  public Optional<Contribution> find(String id) {
    Optional<Contribution> found = local.find(id);
    if (found.isPresent() || !owners.routing()) {
      return found;
    }
    servedHere(id);
    return local.find(id);
  }

  @Override
  public Optional<Contribution> awaitChanges(String id, int changes, Duration timeout) {
    return local.awaitChanges(id, changes, timeout);
  }

  @Override
  public void awaitAllCaughtUp(Duration timeout) {
    local.awaitAllCaughtUp(timeout);
  }

  @Override
  public boolean servedElsewhere(String id) {
    return owners.routing() && owners.ownerOf(id) instanceof PartitionOwners.Remote;
  }

  @Override
  public void checkServedHere(String id) {
    servedHere(id);
  }

  @Override
  public Optional<IdempotentRequest> idempotentRequest(String agency, String key) {
    Optional<IdempotentRequest> found = local.idempotentRequest(agency, key);
    if (found.isPresent() || !owners.routing()) {
      return found;
    }
    // The key's entry lives with the contribution its id is derived from (the same task).
    servedHere(IdempotentRequest.contributionIdFor(agency, key));
    return local.idempotentRequest(agency, key);
  }

  private void servedHere(String id) {
    try {
      owners.checkServedHere(id);
    } catch (RoutingUnavailableException e) {
      throw new RefusedException(Refusal.UNAVAILABLE, e.getMessage());
    }
  }

  @Override
  public Page<Contribution> list(ContributionQuery query) {
    if (!owners.routing()) {
      return local.list(query);
    }
    int limit = query.limit();
    String path =
        LocalMatchesEndpoint.PATH
            + "?"
            + LocalMatchesEndpoint.query(query.filter(), query.order(), limit);
    ListMerge.Merged<Contribution.State> merged;
    try {
      merged =
          gathering.gather(
              path,
              () -> localMatches.find(query.filter(), query.order(), limit),
              query.order().comparator(),
              (long) query.page() * query.size(),
              query.size());
    } catch (RoutingUnavailableException e) {
      throw new RefusedException(Refusal.UNAVAILABLE, e.getMessage());
    }
    int totalPages = (int) ((merged.total() + query.size() - 1) / query.size());
    return new Page<>(
        merged.items().stream().map(Contribution::restore).toList(),
        query.page(),
        query.size(),
        merged.total(),
        totalPages);
  }
}
