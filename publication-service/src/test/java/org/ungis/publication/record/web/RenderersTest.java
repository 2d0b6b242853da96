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

  static final Instant T0 = GdcJointInput.T0;
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

  static String html(PublishedRecord record, String language) {
    return HtmlRenderer.render(GdcJointInput.document(record, language));
  }

  static String markdown(PublishedRecord record, String language) {
    return MarkdownRenderer.render(GdcJointInput.document(record, language));
  }

  @Test
  void htmlEscapesEveryTextAndLinksOnlyWebUrls() {
    String html = html(record(false, ITU), "EN");

    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<i>");
    assertThat(html).doesNotContain("<b>paragraph");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("Connectivity &quot;for all&quot;");
    assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;<br/>");
    assertThat(html)
        .contains("<a href=\"https://www.itu.int/wsis/?a=1&amp;b=2\"")
        .doesNotContain("href=\"javascript")
        .contains("javascript:alert(1)");
    assertThat(html).doesNotContain("href=\"https://x.org/\">");
    assertThat(html).contains("<p>Second &amp; last &lt;b&gt;paragraph&lt;/b&gt;.</p>");
  }

  @Test
  void htmlIsTheDocumentTheSecretariatIssues() {
    String html = html(GdcJointInput.record(true), "EN");

    assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").doesNotContain("<link");
    assertThat(html).contains("<html lang=\"en\" dir=\"ltr\"");
    assertThat(html).contains("@page{size:A4");
    assertThat(html)
        .containsSubsequence(
            "<p class=\"symbol\" dir=\"ltr\">UNGIS/2023/GDC/1</p>",
            "Joint input of the United Nations Group on the Information Society",
            "<h1>UNGIS joint input to the Global Digital Compact</h1>",
            "Edition 4 · Final edition",
            "Published</dt><dd>1 March 2023, 11:00 UTC",
            "Deadline for inputs</dt><dd>30 April 2023, 23:59 UTC",
            "Chair</dt><dd>International Telecommunication Union (ITU); United Nations"
                + " Development Programme (UNDP)",
            "Vice-chairs</dt><dd>United Nations Conference on Trade and Development (UNCTAD);",
            "<h2>Contents</h2>",
            "<a href=\"#introduction\">Introduction</a>",
            "<a href=\"#agency-ITU\">International Telecommunication Union (ITU)</a>",
            "<a href=\"#input-c-itu\">Universal and meaningful connectivity by 2030</a>",
            "<a href=\"#conclusion\">Conclusion</a>",
            "<a href=\"#annex\">Annex",
            "<section id=\"introduction\"",
            "The United Nations Group on the Information Society submits this joint input.",
            "<h2>Inputs of the members</h2>",
            "<h3>International Telecommunication Union (ITU)</h3>",
            "<h4 lang=\"en\" dir=\"ltr\">Universal and meaningful connectivity by 2030</h4>",
            "SDG 9: Industry, innovation and infrastructure",
            "C2: Information and communication infrastructure",
            "Approved by</dt><dd>maria.lopez@undp.org, United Nations Development Programme"
                + " (UNDP), 1 March 2023, 10:00 UTC",
            "<h4 lang=\"ru\" dir=\"ltr\">" + GdcJointInput.RUSSIAN_TITLE,
            "<h4 lang=\"zh\" dir=\"ltr\">" + GdcJointInput.CHINESE_TITLE,
            "<h4 lang=\"fr\" dir=\"ltr\">",
            "<h4 lang=\"ar\" dir=\"rtl\">" + GdcJointInput.ARABIC_TITLE,
            "<div class=\"text\" lang=\"ar\" dir=\"rtl\">",
            "<section id=\"conclusion\"",
            "UNGIS stands ready",
            "<section id=\"annex\"",
            "<td>9. Industry, innovation and infrastructure</td><td>ITU, UNCTAD, UNDP, UNESCO,"
                + " UNESCWA</td>");
  }

  @Test
  void theLabelsAreInTheChosenLanguageAndTheTextsInTheirOwn() {
    String french = html(GdcJointInput.record(true), "FR");
    assertThat(french)
        .contains("<html lang=\"fr\" dir=\"ltr\"")
        .contains("Édition 4 · Édition finale")
        .contains("Table des matières")
        .contains("Présidence")
        .contains("Publiée le</dt><dd>1 mars 2023, 11:00 UTC")
        .contains("9. Industrie, innovation et infrastructure")
        .contains("Universal and meaningful connectivity by 2030");

    String arabic = html(GdcJointInput.record(true), "AR");
    assertThat(arabic)
        .contains("<html lang=\"ar\" dir=\"rtl\"")
        .contains("المحتويات")
        .contains("<h4 lang=\"en\" dir=\"ltr\">Universal and meaningful connectivity by 2030");
  }

  @Test
  void aCorrigendumSaysWhatChangedAndCarriesItsSymbol() {
    String html = html(GdcJointInput.corrigendum(), "EN");
    assertThat(html)
        .containsSubsequence(
            "UNGIS/2023/GDC/1/Corr.1",
            "Edition 5 · Corrigendum 1",
            "<section id=\"corrigendum\"",
            "This corrigendum makes the following changes:",
            "The input “Universal and meaningful connectivity by 2030” of International"
                + " Telecommunication Union (ITU) was withdrawn on 2 March 2023.");
    assertThat(html).doesNotContain("id=\"input-c-itu\"");
    assertThat(markdown(GdcJointInput.corrigendum(), "FR"))
        .contains("**UNGIS/2023/GDC/1/Corr.1**")
        .contains("## Rectificatif 1")
        .contains("a été retirée le 2 mars 2023.");
  }

  @Test
  void htmlOfAnInterimEditionSaysSo() {
    assertThat(html(record(false), "EN"))
        .contains("Interim edition")
        .contains("No input has been approved yet.");
  }

  @Test
  void markdownMirrorsTheDocument() {
    String md = markdown(GdcJointInput.record(true), "EN");

    assertThat(md)
        .containsSubsequence(
            "**UNGIS/2023/GDC/1**",
            "# UNGIS joint input to the Global Digital Compact",
            "\\- Edition 4 · Final edition".substring(2),
            "- Chair: International Telecommunication Union (ITU); United Nations Development"
                + " Programme (UNDP)",
            "## Contents",
            "- Introduction",
            "  - International Telecommunication Union (ITU)",
            "    - Universal and meaningful connectivity by 2030",
            "## Introduction",
            "## Inputs of the members",
            "### International Telecommunication Union (ITU)",
            "#### Universal and meaningful connectivity by 2030",
            "- Approved by: maria.lopez@undp.org, United Nations Development Programme (UNDP)",
            "<div dir=\"rtl\" lang=\"ar\">",
            "#### " + GdcJointInput.ARABIC_TITLE,
            "تدعم الإسكوا الدول العربية في التحول الرقمي.",
            "</div>",
            "## Conclusion",
            "## Annex",
            "| 9\\. Industry, innovation and infrastructure | ITU, UNCTAD, UNDP, UNESCO, UNESCWA |");
  }

  @Test
  void markdownEscapesWhatWouldBecomeMarkup() {
    assertThat(MarkdownRenderer.inline("[click](javascript:x) *bold* # h"))
        .isEqualTo("\\[click\\](javascript:x) \\*bold\\* \\# h");
    assertThat(MarkdownRenderer.block("- not a list\n1. nor this"))
        .isEqualTo("\\- not a list  \n1\\. nor this");
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
        .contains(
            "| GDC &lt;script&gt;alert('x')&lt;/script&gt; | gdc\\-2023 | 4 (final) | 12 |"
                .replace("gdc\\-2023", "gdc-2023"));
  }
}
