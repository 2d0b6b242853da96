package org.ungis.review.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.ungis.review.routing.RouteKey.Kind;

/** Which requests are about one review item, one call, a new call, or nothing in particular. */
class RouteKeyTest {

  @Test
  void aRequestAboutOneContributionIsRoutedByItsId() {
    String id = "30a7b1e8-b466-4ed0-ac7e-a7f8593fe919";
    for (String path :
        new String[] {
          "/api/v1/reviews/" + id,
          "/api/v1/reviews/" + id + "/decisions",
          "/api/v1/reviews/" + id + "/decisions/9b2f"
        }) {
      assertThat(RouteKey.of("GET", path)).isEqualTo(new RouteKey(Kind.ITEM, id));
    }
    assertThat(RouteKey.of("POST", "/api/v1/reviews/" + id + "/decisions"))
        .isEqualTo(new RouteKey(Kind.ITEM, id));
  }

  @Test
  void aRequestAboutOneCallIsRoutedByTheProcessId() {
    assertThat(RouteKey.of("GET", "/api/v1/processes/igf-2026"))
        .isEqualTo(new RouteKey(Kind.CALL, "igf-2026"));
    assertThat(RouteKey.of("POST", "/api/v1/processes/igf-2026/closure"))
        .isEqualTo(new RouteKey(Kind.CALL, "igf-2026"));
    assertThat(RouteKey.of("GET", "/api/v1/processes/igf-2026/extensions/FAO"))
        .isEqualTo(new RouteKey(Kind.CALL, "igf-2026"));
    assertThat(RouteKey.of("GET", "/api/v1/processes/a%20b"))
        .isEqualTo(new RouteKey(Kind.CALL, "a b"));
  }

  @Test
  void aNewCallIsRoutedByTheIdInItsBody() {
    assertThat(RouteKey.of("POST", "/api/v1/processes").kind()).isEqualTo(Kind.NEW_CALL);
    assertThat(ReviewRouting.newCallId(bytes("{\"id\":\"igf-2026\",\"title\":\"t\"}")))
        .isEqualTo("igf-2026");
    assertThat(ReviewRouting.newCallId(bytes("{\"title\":\"t\"}"))).isNull();
    assertThat(ReviewRouting.newCallId(bytes("{\"id\":42}"))).isNull();
    assertThat(ReviewRouting.newCallId(bytes("not json"))).isNull();
    assertThat(ReviewRouting.newCallId(new byte[0])).isNull();
  }

  @Test
  void listsAndEverythingElseAreServedWhereTheyArrive() {
    assertThat(RouteKey.of("GET", "/api/v1/reviews")).isEqualTo(RouteKey.NONE);
    assertThat(RouteKey.of("GET", "/api/v1/processes")).isEqualTo(RouteKey.NONE);
    assertThat(RouteKey.of("GET", "/api/v1/reviews/")).isEqualTo(RouteKey.NONE);
    assertThat(RouteKey.of("GET", "/internal/v1/reviews/local-queue")).isEqualTo(RouteKey.NONE);
    assertThat(RouteKey.of("GET", "/actuator/health/readiness")).isEqualTo(RouteKey.NONE);
    assertThat(RouteKey.of("GET", "/api/v1/reviewsX/1")).isEqualTo(RouteKey.NONE);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
