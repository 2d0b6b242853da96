package org.ungis.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.ungis.portal.api.Models.Page;

class PageTest {

  private static final List<Integer> TWO_HUNDRED_FIFTY = IntStream.range(0, 250).boxed().toList();

  @Test
  void aBareListIsPagedAsTheServicesPageTheirs() {
    Page<Integer> second = Page.of(TWO_HUNDRED_FIFTY, 1, 100);
    assertThat(second.items()).hasSize(100).startsWith(100);
    assertThat(second.page().totalElements()).isEqualTo(250);
    assertThat(second.page().totalPages()).isEqualTo(3);
    assertThat(second.page().hasPrevious()).isTrue();
    assertThat(second.page().hasNext()).isTrue();
    assertThat(Page.of(TWO_HUNDRED_FIFTY, 2, 100).items()).hasSize(50);
    assertThat(Page.of(TWO_HUNDRED_FIFTY, 2, 100).page().hasNext()).isFalse();
    assertThat(Page.of(List.of(), 0, 20).page().totalPages()).isEqualTo(1);
  }

  @Test
  void aWholeListIsReadPageAfterPageUntilTheLast() {
    List<Integer> asked = new ArrayList<>();
    List<Integer> all =
        Page.all(
            n -> {
              asked.add(n);
              return Page.of(TWO_HUNDRED_FIFTY, n, Page.MAX_SIZE);
            });
    assertThat(all).isEqualTo(TWO_HUNDRED_FIFTY);
    assertThat(asked).containsExactly(0, 1, 2);
  }
}
