package org.ungis.contributions.contribution.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.ContributionOrder;

/**
 * The first matches of a list in this instance's partitions, read partition by partition and
 * merged. A filter that names an agency is read through the index ({@link ContributionIndex}): an
 * agency's (or an agency's and a call's) contributions in the list's order, so the first {@code
 * limit} cost {@code limit} reads per partition and the total is the stored count; other filters on
 * top restore only that agency's contributions. A filter without an agency, or a partition whose
 * index is not complete yet ({@link ContributionIndex#COMPLETE}: right after an upgrade from a
 * version without it), restores every contribution of the partition to test it.
 */
public final class ContributionMatches {

  /**
   * How many contributions match and the first of them, in order.
   *
   * @param total how many match in the partitions read
   * @param items the first {@code limit} matches, in the list's order
   */
  public record Found(long total, List<Contribution.State> items) {
    public Found {
      items = List.copyOf(items);
    }
  }

  /** The stores of one partition (a task's own stores). */
  public interface PartitionStores {
    ReadOnlyKeyValueStore<String, Contribution.State> contributions(int partition);

    ReadOnlyKeyValueStore<String, String> index(int partition);
  }

  private ContributionMatches() {}

  /** The first {@code limit} matches of {@code filter} in {@code partitions}, in {@code order}. */
  public static Found first(
      PartitionStores stores,
      Set<Integer> partitions,
      ContributionFilter filter,
      ContributionOrder order,
      int limit) {
    long total = 0;
    List<Contribution.State> items = new ArrayList<>();
    for (int partition : partitions) {
      Found found = inPartition(stores, partition, filter, order, limit);
      total += found.total();
      items.addAll(found.items());
    }
    items.sort(order.comparator());
    return new Found(total, items.subList(0, Math.min(limit, items.size())));
  }

  private static Found inPartition(
      PartitionStores stores,
      int partition,
      ContributionFilter filter,
      ContributionOrder order,
      int limit) {
    ReadOnlyKeyValueStore<String, Contribution.State> contributions =
        stores.contributions(partition);
    String prefix = ContributionIndex.prefix(filter);
    ReadOnlyKeyValueStore<String, String> index = prefix == null ? null : stores.index(partition);
    if (prefix == null || index.get(ContributionIndex.COMPLETE) == null) {
      return scan(contributions, filter, order, limit);
    }
    boolean counted = ContributionIndex.answers(filter);
    long total = 0;
    List<Contribution.State> items = new ArrayList<>();
    try (KeyValueIterator<String, String> ids =
        index.prefixScan(ContributionIndex.ordered(prefix, order), new StringSerializer())) {
      while (ids.hasNext() && (!counted || items.size() < limit)) {
        Contribution.State state = contributions.get(ids.next().value);
        if (state != null && (counted || filter.matches(Contribution.restore(state)))) {
          total++;
          if (items.size() < limit) {
            items.add(state);
          }
        }
      }
    }
    if (counted) {
      total = ContributionIndex.storedCount(index.get(ContributionIndex.countKey(prefix)));
    }
    return new Found(total, items);
  }

  private static Found scan(
      ReadOnlyKeyValueStore<String, Contribution.State> contributions,
      ContributionFilter filter,
      ContributionOrder order,
      int limit) {
    List<Contribution.State> matching = new ArrayList<>();
    try (KeyValueIterator<String, Contribution.State> all = contributions.all()) {
      while (all.hasNext()) {
        KeyValue<String, Contribution.State> next = all.next();
        if (filter.matches(Contribution.restore(next.value))) {
          matching.add(next.value);
        }
      }
    }
    matching.sort(order.comparator());
    return new Found(matching.size(), matching.subList(0, Math.min(limit, matching.size())));
  }
}
