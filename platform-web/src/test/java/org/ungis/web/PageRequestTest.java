package org.ungis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class PageRequestTest {

  @Test
  void defaultsToTheFirstPageOfTwenty() {
    assertThat(PageRequest.of(null, " ")).isEqualTo(new PageRequest(0, 20));
  }

  @Test
  void aPageOfAWholeListSaysWhereItSits() {
    PageResponse<Integer> page = PageRequest.of("1", "2").slice(List.of(1, 2, 3, 4, 5));
    assertThat(page.items()).containsExactly(3, 4);
    assertThat(page.page()).isEqualTo(new PageResponse.Metadata(1, 2, 5, 3));
    assertThat(PageRequest.of("9", "2").slice(List.of(1, 2, 3)).items()).isEmpty();
  }

  @Test
  void aBadPageOrSizeNamesTheParameter() {
    assertThat(refused("-1", null).parameter()).isEqualTo("page");
    assertThat(refused("first", null).parameter()).isEqualTo("page");
    assertThat(refused(null, "0").parameter()).isEqualTo("size");
    assertThat(refused(null, "101").parameter()).isEqualTo("size");
    assertThat(refused(null, "101").getMessage()).isEqualTo("must be between 1 and 100");
    assertThat(refused(null, "101").problem().getType().toString())
        .isEqualTo("https://ungis.org/problems/invalid-parameter");
  }

  @Test
  void valuesAreReadOrRefused() {
    assertThat(QueryParameters.oneOf("status", Thread.State.class, "new"))
        .isEqualTo(Thread.State.NEW);
    assertThat(QueryParameters.oneOf("status", Thread.State.class, null)).isNull();
    assertThat(
            catchThrowableOfType(
                    InvalidParameterException.class,
                    () -> QueryParameters.oneOf("status", Thread.State.class, "bogus"))
                .parameter())
        .isEqualTo("status");
    assertThat(QueryParameters.integer("sdg", "17", 1, 17)).isEqualTo(17);
    assertThat(
            catchThrowableOfType(
                    InvalidParameterException.class,
                    () -> QueryParameters.integer("sdg", "18", 1, 17))
                .getMessage())
        .isEqualTo("must be between 1 and 17");
    assertThat(QueryParameters.code("agency", " itu ")).isEqualTo("ITU");
    assertThat(
            catchThrowableOfType(
                    InvalidParameterException.class, () -> QueryParameters.code("agency", "I T U"))
                .parameter())
        .isEqualTo("agency");
  }

  private static InvalidParameterException refused(String page, String size) {
    return catchThrowableOfType(InvalidParameterException.class, () -> PageRequest.of(page, size));
  }
}
