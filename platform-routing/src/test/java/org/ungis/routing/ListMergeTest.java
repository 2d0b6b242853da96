package org.ungis.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Merging the instances' shares of a list into the slice one instance would have served. */
class ListMergeTest {

  static final List<Integer> WHOLE = List.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144);
  static final Set<Integer> ASSIGNED = Set.of(0, 1, 2);

  /** The share an instance answers: the first (page + 1) * size of its matches, and its count. */
  static Share<Integer> share(Set<Integer> partitions, List<Integer> mine, int limit) {
    return new Share<>(partitions, mine.size(), mine.subList(0, Math.min(limit, mine.size())));
  }

  @Test
  void everyPageIsThePageOfTheWholeOrderedList() {
    List<Integer> a = new ArrayList<>();
    List<Integer> b = new ArrayList<>();
    List<Integer> c = new ArrayList<>();
    for (int i = 0; i < WHOLE.size(); i++) {
      (i % 3 == 0 ? a : i % 3 == 1 ? b : c).add(WHOLE.get(i));
    }
    for (int size : new int[] {1, 2, 3, 4, 20}) {
      for (int page = 0; page * size <= WHOLE.size() + size; page++) {
        int limit = (page + 1) * size;
        ListMerge.Merged<Integer> merged =
            ListMerge.merge(
                List.of(
                    share(Set.of(2), c, limit),
                    share(Set.of(0), a, limit),
                    share(Set.of(1), b, limit)),
                Comparator.naturalOrder(),
                ASSIGNED,
                (long) page * size,
                size);
        int from = Math.min(page * size, WHOLE.size());
        assertThat(merged.items())
            .as("page %d of size %d", page, size)
            .isEqualTo(WHOLE.subList(from, Math.min(from + size, WHOLE.size())));
        assertThat(merged.total()).isEqualTo(WHOLE.size());
      }
    }
  }

  @Test
  void sharesThatMissOrRepeatAPartitionAreARebalanceNotAnAnswer() {
    var zeroAndOne = share(Set.of(0, 1), List.of(1, 2), 10);
    var one = share(Set.of(1), List.of(3), 10);
    var two = share(Set.of(2), List.of(5), 10);
    for (List<Share<Integer>> shares :
        List.of(List.of(zeroAndOne), List.of(zeroAndOne, one, two))) {
      assertThatThrownBy(() -> ListMerge.merge(shares, Comparator.naturalOrder(), ASSIGNED, 0, 20))
          .isInstanceOf(RoutingUnavailableException.class);
    }
    assertThatThrownBy(
            () -> ListMerge.merge(List.of(), Comparator.<Integer>naturalOrder(), Set.of(), 0, 20))
        .isInstanceOf(RoutingUnavailableException.class);
    assertThat(
            ListMerge.merge(List.of(zeroAndOne, two), Comparator.naturalOrder(), ASSIGNED, 0, 20)
                .items())
        .containsExactly(1, 2, 5);
  }

  record Item(String id, long at) {}

  @Test
  void aShareCrossesBetweenInstancesUnchanged() {
    ShareCodec<Item> codec = new ShareCodec<>(JsonMapper.builder().build(), Item.class);
    Share<Item> share = new Share<>(Set.of(2, 0), 7, List.of(new Item("a", 1), new Item("b", 2)));
    assertThat(codec.decode(codec.encode(share))).isEqualTo(share);
    assertThatThrownBy(() -> codec.decode("<html>".getBytes()))
        .isInstanceOf(RoutingUnavailableException.class);
  }
}
