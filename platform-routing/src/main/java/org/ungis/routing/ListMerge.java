package org.ungis.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Merges the instances' shares of a list into the answer one instance holding everything gives. */
public final class ListMerge {

  /**
   * A slice of the whole ordered list and the whole list's size.
   *
   * @param items the slice
   * @param total how many items match across every share
   */
  public record Merged<T>(List<T> items, long total) {}

  private ListMerge() {}

  /**
   * The items {@code from} to {@code from + count} of the whole list in {@code order}. Each share
   * must hold at least the first {@code from + count} matches of its partitions, and the shares
   * must cover each assigned partition exactly once: otherwise the assignment changed while the
   * shares were gathered, and this throws {@link RoutingUnavailableException}.
   */
  public static <T> Merged<T> merge(
      List<Share<T>> shares,
      Comparator<? super T> order,
      Set<Integer> assigned,
      long from,
      int count) {
    Set<Integer> covered = new HashSet<>();
    long total = 0;
    List<T> merged = new ArrayList<>();
    for (Share<T> share : shares) {
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
    int start = (int) Math.min(from, merged.size());
    int end = (int) Math.min((long) start + count, merged.size());
    return new Merged<>(List.copyOf(merged.subList(start, end)), total);
  }

  private static RoutingUnavailableException rebalancing() {
    return new RoutingUnavailableException(
        "The views are being rebalanced between instances; retry");
  }
}
