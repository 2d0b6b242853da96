package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class HeldResponseTest {

  @Test
  void aBodyWrittenInSmallPiecesReachesTheResponseWholeAndOnlyWhenCopied() throws Exception {
    MockHttpServletResponse response = utf8();
    HeldResponse held = new HeldResponse(response);
    PrintWriter writer = held.getWriter();
    StringBuilder expected = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      String piece = i % 2 == 0 ? "<p dir=\"rtl\">" : "مساهمة " + i + "</p>";
      writer.write(piece);
      expected.append(piece);
    }
    writer.flush();
    held.flushBuffer();

    assertThat(response.getContentAsByteArray()).isEmpty();
    assertThat(new String(held.getContentAsByteArray(), StandardCharsets.UTF_8))
        .isEqualTo(expected.toString());

    held.copyBodyToResponse();

    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
  }

  @Test
  void whatTheWriterStillHoldsIsCopiedWithoutAFlush() throws Exception {
    MockHttpServletResponse response = utf8();
    HeldResponse held = new HeldResponse(response);
    held.getWriter().write("Révision 2");

    assertThat(held.getContentSize())
        .isEqualTo("Révision 2".getBytes(StandardCharsets.UTF_8).length);
    held.copyBodyToResponse();

    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Révision 2");
    assertThat(response.getContentLength()).isEqualTo(11);
  }

  @Test
  void aResetBufferDropsWhatTheWriterHeldToo() throws Exception {
    MockHttpServletResponse response = utf8();
    HeldResponse held = new HeldResponse(response);
    held.getWriter().write("half a page");
    held.resetBuffer();
    held.getWriter().write("the error page");
    held.copyBodyToResponse();

    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("the error page");
  }

  private static MockHttpServletResponse utf8() {
    MockHttpServletResponse response = new MockHttpServletResponse();
    response.setCharacterEncoding("UTF-8");
    return response;
  }
}
