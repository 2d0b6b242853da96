package org.ungis.contributions.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ungis.contributions.contribution.Page;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;

/** Merging the instances' shares of a list into the page one instance would have served. */
class ListMergeTest {

  static final List<Integer> WHOLE = List.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144);
  static final Set<Integer> ASSIGNED = Set.of(0, 1, 2);

  /** The share an instance answers: the first (page + 1) * size of its matches, and its count. */
  static LocalMatches.Share<Integer> share(Set<Integer> partitions, List<Integer> mine, int limit) {
    return new LocalMatches.Share<>(
        partitions, mine.size(), mine.subList(0, Math.min(limit, mine.size())));
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
        Page<Integer> merged =
            RoutedViews.merge(
                List.of(
                    share(Set.of(2), c, limit),
                    share(Set.of(0), a, limit),
                    share(Set.of(1), b, limit)),
                Comparator.naturalOrder(),
                ASSIGNED,
                page,
                size);
        Page<Integer> alone = Page.of(WHOLE, page, size);
        assertThat(merged).as("page %d of size %d", page, size).isEqualTo(alone);
      }
    }
  }

  @Test
  void sharesThatMissOrRepeatAPartitionAreARebalanceNotAnAnswer() {
    var zeroAndOne = share(Set.of(0, 1), List.of(1, 2), 10);
    var one = share(Set.of(1), List.of(3), 10);
    var two = share(Set.of(2), List.of(5), 10);
    for (List<LocalMatches.Share<Integer>> shares :
        List.of(List.of(zeroAndOne), List.of(zeroAndOne, one, two))) {
      assertThatThrownBy(
              () -> RoutedViews.merge(shares, Comparator.naturalOrder(), ASSIGNED, 0, 20))
          .isInstanceOfSatisfying(
              RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.UNAVAILABLE));
    }
    assertThatThrownBy(
            () -> RoutedViews.merge(List.of(), Comparator.<Integer>naturalOrder(), Set.of(), 0, 20))
        .isInstanceOf(RefusedException.class);
    assertThat(
            RoutedViews.merge(List.of(zeroAndOne, two), Comparator.naturalOrder(), ASSIGNED, 0, 20)
                .items())
        .containsExactly(1, 2, 5);
  }
}
