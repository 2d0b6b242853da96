package org.ungis.publication.record.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's GDC joint input as PDF and Word, read back with PDFBox and Apache POI as a reader
 * would: the text of every part, the fonts embedded, the headings and the table of contents.
 */
class DocumentFormatsTest {

  /** Where Debian's font packages put the fonts (the service's default). */
  static final DocumentFonts FONTS = new DocumentFonts(Path.of("/usr/share/fonts/truetype"));

  static byte[] englishPdf;

  @BeforeAll
  static void render() throws IOException {
    requireFonts(FONTS);
    englishPdf =
        new PdfRenderer(FONTS).render(GdcJointInput.document(GdcJointInput.record(true), "EN"));
    Path target = Path.of("target");
    if (Files.isDirectory(target)) {
      // for a look (and the README's picture): target/gdc-2023.pdf and its first page
      Files.write(target.resolve("gdc-2023.pdf"), englishPdf);
      try (PDDocument pdf = Loader.loadPDF(englishPdf)) {
        BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, 60);
        ImageIO.write(page, "png", target.resolve("gdc-2023-page1.png").toFile());
      }
    }
  }

  /** Fails with the Debian packages to install when a font the PDF embeds is missing. */
  static void requireFonts(DocumentFonts fonts) {
    List<String> missing = fonts.missing();
    if (!missing.isEmpty()) {
      fail(
          "The PDF tests need fonts that are not installed: "
              + String.join("; ", missing)
              + ". Install them with: apt-get install -y --no-install-recommends"
              + " fonts-noto-core fonts-droid-fallback");
    }
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  @Test
  void thePdfReadsAsTheDocumentInEveryScript() throws IOException {
    String text = HostileTextTest.normalized(pdfText(englishPdf));

    assertThat(text)
        .containsSubsequence(
            "UNGIS/2023/GDC/1",
            "Joint input of the United Nations Group on the Information Society",
            "UNGIS joint input to the Global Digital Compact",
            "Edition 4 · Final edition",
            "International Telecommunication Union (ITU); United Nations Development Programme"
                + " (UNDP)",
            "Contents",
            "Introduction",
            "International Telecommunication Union (ITU)",
            "Universal and meaningful connectivity by 2030",
            "Conclusion",
            "Annex",
            "The United Nations Group on the Information Society submits this joint input.",
            "Inputs of the members",
            "Universal and meaningful connectivity by 2030",
            "maria.lopez@undp.org",
            GdcJointInput.RUSSIAN_TITLE,
            GdcJointInput.CHINESE_TITLE,
            "Une approche fondée sur les droits humains",
            "UNGIS stands ready to support the implementation of the Compact.",
            "9. Industry, innovation and infrastructure");
  }

  @Test
  void thePdfEmbedsTheFontsOfLatinCyrillicArabicAndChinese() throws IOException {
    Set<String> fonts = new TreeSet<>();
    try (PDDocument pdf = Loader.loadPDF(englishPdf)) {
      for (PDPage page : pdf.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertThat(font.isEmbedded()).as(font.getName() + " is embedded").isTrue();
          fonts.add(font.getName().replaceFirst("^[A-Z]{6}\\+", ""));
        }
      }
    }
    assertThat(fonts)
        .contains("NotoSerif-Regular", "NotoSerif-Bold", "NotoNaskhArabic-Regular")
        .anyMatch(f -> f.startsWith("DroidSansFallback"));
  }

  @Test
  void thePdfIsTaggedWithItsLanguageTitleHeadingsAndA4Pages() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(englishPdf)) {
      var catalog = pdf.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getLanguage()).isEqualToIgnoringCase("en");
      assertThat(pdf.getDocumentInformation().getTitle()).contains("UNGIS/2023/GDC/1");
      List<String> headings = new ArrayList<>();
      collectHeadings(catalog.getStructureTreeRoot(), headings);
      assertThat(headings).contains("H1", "H2", "H3", "H4");
      PDPage first = pdf.getPage(0);
      assertThat(first.getMediaBox().getWidth())
          .isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
      assertThat(first.getMediaBox().getHeight())
          .isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
      assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
    }
  }

  @Test
  void theFrenchPdfHasFrenchLabels() throws IOException {
    String text =
        HostileTextTest.normalized(
            pdfText(
                new PdfRenderer(FONTS)
                    .render(GdcJointInput.document(GdcJointInput.record(true), "FR"))));
    assertThat(text)
        .containsSubsequence(
            "Contribution conjointe du Groupe des Nations Unies",
            "Édition 4 · Édition finale",
            "Table des matières",
            "Contributions des membres",
            "Annexe");
  }

  @Test
  void theWordDocumentHasHeadingsATableOfContentsAndRightToLeftArabic() throws IOException {
    byte[] docx = DocxRenderer.render(GdcJointInput.document(GdcJointInput.record(true), "EN"));
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> headings = new ArrayList<>();
      XWPFParagraph arabic = null;
      for (XWPFParagraph p : word.getParagraphs()) {
        if (p.getStyle() != null && p.getStyle().startsWith("Heading")) {
          headings.add(p.getStyle() + " " + p.getText());
        }
        if (p.getText().equals(GdcJointInput.ARABIC_TITLE)) {
          arabic = p;
        }
      }
      assertThat(headings)
          .containsSubsequence(
              "Heading1 UNGIS joint input to the Global Digital Compact",
              "Heading2 Contents",
              "Heading2 Introduction",
              "Heading2 Inputs of the members",
              "Heading3 International Telecommunication Union (ITU)",
              "Heading4 Universal and meaningful connectivity by 2030",
              "Heading3 United Nations Economic and Social Commission for Western Asia (UNESCWA)",
              "Heading4 " + GdcJointInput.ARABIC_TITLE,
              "Heading2 Conclusion",
              "Heading2 Annex: coverage of the Sustainable Development Goals and the WSIS action"
                  + " lines");
      assertThat(word.getStyles().getStyle("Heading1")).isNotNull();
      assertThat(arabic).isNotNull();
      assertThat(arabic.getCTP().getPPr().isSetBidi()).as("Arabic is right-to-left").isTrue();
      assertThat(arabic.getRuns().get(0).getCTR().getRPr().getRtlList()).isNotEmpty();

      String text = word.getParagraphs().stream().map(XWPFParagraph::getText).toList().toString();
      int contents = text.indexOf("Contents");
      assertThat(text.substring(contents))
          .containsSubsequence(
              "Introduction",
              "International Telecommunication Union (ITU)",
              "Universal and meaningful connectivity by 2030",
              "Conclusion",
              "Annex");
      assertThat(text)
          .contains("UNGIS/2023/GDC/1")
          .contains(
              "Approved by: maria.lopez@undp.org, United Nations Development Programme (UNDP)")
          .contains(GdcJointInput.CHINESE_TITLE)
          .contains(GdcJointInput.RUSSIAN_TITLE);
      assertThat(word.getTables()).hasSize(2);
      assertThat(word.getTables().get(0).getText())
          .contains("9. Industry, innovation and infrastructure");
      assertThat(word.getProperties().getCoreProperties().getTitle())
          .isEqualTo("UNGIS joint input to the Global Digital Compact");
    }
  }

  @Test
  void theFrenchWordDocumentHasFrenchLabels() throws IOException {
    byte[] docx = DocxRenderer.render(GdcJointInput.document(GdcJointInput.record(true), "FR"));
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
      assertThat(word.getParagraphs().stream().map(XWPFParagraph::getText))
          .contains("Table des matières", "Contributions des membres");
    }
  }

  private static void collectHeadings(PDStructureNode node, List<String> headings) {
    if (node == null) {
      return;
    }
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        if (element.getStructureType().matches("H[1-6]")) {
          headings.add(element.getStructureType());
        }
        collectHeadings(element, headings);
      }
    }
  }
}
