package org.ungis.publication.record.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.publication.record.RecordSummary;

class RenderersTest {

  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final String SCRIPT = "<script>alert('x')</script>";

  static Entry entry(String id, String agency, String name, Content content) {
    return new Entry("gdc-2023", id, agency, name, 1, T0, T0.plusSeconds(3600), content);
  }

  static PublishedRecord record(boolean finalEdition, Entry... entries) {
    List<Entry> list = List.of(entries);
    return new PublishedRecord(
        new Edition(
            "gdc-2023",
            3,
            finalEdition,
            new CallInfo(
                "UNGIS joint input to the GDC " + SCRIPT,
                "First paragraph.\n\nSecond & last <b>paragraph</b>.",
                Instant.parse("2023-04-30T23:59:59Z")),
            T0.plusSeconds(7200),
            list.stream().map(Entry::ref).toList()),
        list);
  }

  static final Entry ITU =
      entry(
          "c-itu",
          "ITU",
          "International Telecommunication Union",
          new Content(
              "Connectivity \"for all\" " + SCRIPT,
              "Meaningful <i>connectivity</i>",
              "Universal connectivity matters.\n\n<img src=x onerror=alert(1)>\nSecond line.",
              "EN",
              List.of("C2", "C10"),
              List.of(9, 17),
              List.of(
                  "https://www.itu.int/wsis/?a=1&b=2",
                  "javascript:alert(1)",
                  "https://x.org/\"><script>alert(1)</script>")));
  static final Entry UNDP =
      entry(
          "c-undp",
          "UNDP",
          "United Nations Development Programme",
          new Content(
              "Digital public infrastructure",
              "",
              "DPI body.",
              "FR",
              List.of("C7"),
              List.of(9),
              List.of()));

  @Test
  void htmlEscapesEveryTextAndLinksOnlyWebUrls() {
    String html = HtmlRenderer.render(record(false, ITU, UNDP));

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<i>");
    assertThat(html).doesNotContain("<b>paragraph");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("Connectivity &quot;for all&quot;");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;<br>");
    assertThat(html)
        .contains("<a href=\"https://www.itu.int/wsis/?a=1&amp;b=2\"")
        .doesNotContain("href=\"javascript")
        .contains("javascript:alert(1)");
    assertThat(html).doesNotContain("href=\"https://x.org/\">");
    assertThat(html).contains("<p>Second &amp; last &lt;b&gt;paragraph&lt;/b&gt;.</p>");
  }

  @Test
  void htmlIsAReadableDocumentOfTheCallTheEditionAndEachAgencysInput() {
    String html = HtmlRenderer.render(record(true, ITU, UNDP));

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<link");
    assertThat(html).contains("Edition 3, published 1 March 2023, 11:00 UTC");
    assertThat(html).contains("Final edition");
    assertThat(html).contains("Deadline for inputs: 30 April 2023, 23:59 UTC");
    assertThat(html)
        .containsSubsequence(
            "International Telecommunication Union (ITU)",
            "Universal connectivity matters.",
            "English",
            "SDG 9, SDG 17",
            "C2, C10",
            "United Nations Development Programme (UNDP)",
            "Digital public infrastructure",
            "French");
    assertThat(html)
        .containsSubsequence(
            "Coverage",
            "<td>SDG 9</td><td>ITU, UNDP</td>",
            "<td>SDG 17</td><td>ITU</td>",
            "<td>C2</td><td>ITU</td>",
            "<td>C7</td><td>UNDP</td>",
            "<td>C10</td><td>ITU</td>");
  }

  @Test
  void htmlOfAnInterimEditionSaysSo() {
    assertThat(HtmlRenderer.render(record(false))).contains("Interim edition").contains("No input");
  }

  @Test
  void markdownMirrorsTheDocumentWithItsMarkupEscaped() {
    String md = MarkdownRenderer.render(record(false, ITU, UNDP));

    assertThat(md).startsWith("# UNGIS joint input to the GDC &lt;script&gt;");
    assertThat(md).doesNotContain("<script").doesNotContain("<img").doesNotContain("<i>");
    assertThat(md)
        .containsSubsequence(
            "- Edition: 3 (interim: the call is open)",
            "## International Telecommunication Union (ITU)",
            "### Connectivity \"for all\"",
            "*Meaningful &lt;i&gt;connectivity&lt;/i&gt;*",
            "- SDGs: SDG 9, SDG 17",
            "- WSIS action lines: C2, C10",
            "- Link: <https://www.itu.int/wsis/?a=1&b=2>",
            "- Link: javascript:alert(1)",
            "## United Nations Development Programme (UNDP)",
            "## Coverage",
            "| SDG 9 | ITU, UNDP |");
  }

  @Test
  void markdownEscapesWhatWouldBecomeMarkup() {
    assertThat(MarkdownRenderer.inline("[click](javascript:x) *bold* # h"))
        .isEqualTo("\\[click\\](javascript:x) \\*bold\\* \\# h");
    assertThat(MarkdownRenderer.inline("- not a list\n1. nor this"))
        .isEqualTo("\\- not a list\n1\\. nor this");
  }

  @Test
  void theIndexListsEveryRecordWithEscapedTitles() {
    List<RecordSummary> records =
        List.of(
            new RecordSummary("gdc-2023", "GDC " + SCRIPT, 4, true, 12, T0),
            new RecordSummary("hlpf-2023", "HLPF 2023", 1, false, 1, T0));

    assertThat(HtmlRenderer.index(records))
        .doesNotContain("<script")
        .containsSubsequence(
            "<a href=\"records/gdc-2023\">GDC &lt;script&gt;", "4 (final)", "12", "hlpf-2023");
    assertThat(MarkdownRenderer.index(records))
        .contains("| GDC &lt;script&gt;alert('x')&lt;/script&gt; | gdc-2023 | 4 (final) | 12 |");
  }
}
