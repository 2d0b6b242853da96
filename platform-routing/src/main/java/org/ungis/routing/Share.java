package org.ungis.routing;

import java.util.List;
import java.util.Set;

/**
 * One instance's share of a list gathered from every instance.
 *
 * @param partitions the partitions of the service's input topic this share covers
 * @param total how many items of those partitions match
 * @param items the first matches, in the list's order
 */
public record Share<T>(Set<Integer> partitions, long total, List<T> items) {

  public Share {
    partitions = Set.copyOf(partitions);
    items = List.copyOf(items);
  }

  /** The share of an instance that holds no partition. */
  public static <T> Share<T> none() {
    return new Share<>(Set.of(), 0, List.of());
  }
}
