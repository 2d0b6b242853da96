package org.ungis.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

class QueryParameterCheckTest {

  static class Lists {
    String list(@RequestParam(required = false) String status, @RequestParam("size") String s) {
      return status + s;
    }
  }

  private final QueryParameterCheck check = new QueryParameterCheck();

  @Test
  void declaredParametersPass() throws Exception {
    assertThat(check.preHandle(get("status", "OPEN", "size", "2"), response(), handler())).isTrue();
  }

  @Test
  void anUndeclaredParameterIsA400NamingIt() throws Exception {
    MockHttpServletResponse response = response();
    assertThat(check.preHandle(get("status", "OPEN", "stauts", "OPEN"), response, handler()))
        .isFalse();
    assertThat(response.getStatus()).isEqualTo(400);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString())
        .contains("\"type\":\"https://ungis.org/problems/unknown-parameter\"")
        .contains("\"parameter\":\"stauts\"")
        .contains("this endpoint takes status, size");
  }

  @Test
  void aParameterGivenTwiceIsA400() throws Exception {
    MockHttpServletRequest request = get("status", "OPEN");
    request.addParameter("status", "CLOSED");
    MockHttpServletResponse response = response();
    assertThat(check.preHandle(request, response, handler())).isFalse();
    assertThat(response.getContentAsString())
        .contains("\"type\":\"https://ungis.org/problems/invalid-parameter\"");
  }

  @Test
  void writesAreNotChecked() throws Exception {
    MockHttpServletRequest request = get("anything", "x");
    request.setMethod("POST");
    assertThat(check.preHandle(request, response(), handler())).isTrue();
  }

  private static HandlerMethod handler() throws NoSuchMethodException {
    return new HandlerMethod(
        new Lists(), Lists.class.getDeclaredMethod("list", String.class, String.class));
  }

  private static MockHttpServletRequest get(String... pairs) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/lists");
    for (int i = 0; i < pairs.length; i += 2) {
      request.addParameter(pairs[i], pairs[i + 1]);
    }
    return request;
  }

  private static MockHttpServletResponse response() {
    return new MockHttpServletResponse();
  }
}
