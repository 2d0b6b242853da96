package org.ungis.contributions.contribution.messaging;

import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.contributions.contribution.Contribution;

/**
 * The contributions store as the folders write it: each stored aggregate together with its entries
 * in the index ({@link ContributionIndex}), in the same task and transaction.
 */
final class IndexedContributions {

  private final KeyValueStore<String, Contribution.State> contributions;
  private final KeyValueStore<String, String> index;

  IndexedContributions(
      KeyValueStore<String, Contribution.State> contributions,
      KeyValueStore<String, String> index) {
    this.contributions = contributions;
    this.index = index;
  }

  /** The task's stores, for a processor connected to both. */
  static IndexedContributions of(ProcessorContext<?, ?> context) {
    return new IndexedContributions(
        context.getStateStore(ContributionViewTopology.CONTRIBUTIONS_STORE),
        context.getStateStore(ContributionViewTopology.INDEX_STORE));
  }

  /** Indexes what the index does not hold yet (see {@link ContributionIndex#backfill}). */
  int completeIndex() {
    return ContributionIndex.backfill(contributions, index);
  }

  Contribution.State get(String id) {
    return contributions.get(id);
  }

  /** Stores what a contribution is now; {@code before} is what was stored (null: nothing). */
  void put(Contribution.State before, Contribution.State after) {
    contributions.put(after.id(), after);
    ContributionIndex.update(index, before, after);
  }
}
