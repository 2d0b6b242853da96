package org.ungis.publication.record.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLanguage;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The document as Word ({@code .docx}), for the secretariat to edit before sending: the same parts
 * in the same order as the other formats, with real heading styles (Heading 1-4, in Word's outline
 * and navigation pane), a table of contents, tables for the annex, and each input's paragraphs in
 * its own language and direction (Arabic right-to-left). Text goes into runs only, so nothing in it
 * can become structure.
 */
final class DocxRenderer {

  private DocxRenderer() {}

  static byte[] render(JointInput doc) {
    Labels labels = doc.labels();
    boolean rtl = "rtl".equals(labels.dir());
    try (XWPFDocument word = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024)) {
      headingStyles(word);
      word.getProperties().getCoreProperties().setTitle(doc.title());
      word.getProperties().getCoreProperties().setSubjectProperty(labels.get("jointInput"));
      word.getProperties().getCoreProperties().setCreator("UNGIS");
      if (!doc.symbol().isEmpty()) {
        XWPFParagraph symbol = paragraph(word, null, labels.language(), false);
        symbol.setAlignment(ParagraphAlignment.RIGHT);
        run(symbol, doc.symbol(), labels.language(), false).setBold(true);
      }
      text(word, labels.get("jointInput"), labels.language(), rtl);
      heading(word, 1, doc.title(), labels.language(), rtl);
      text(word, doc.editionLine(), labels.language(), rtl);
      text(
          word,
          labels.get("published") + ": " + labels.dateTime(doc.publishedAt()),
          labels.language(),
          rtl);
      text(
          word,
          labels.get("deadline") + ": " + labels.dateTime(doc.deadline()),
          labels.language(),
          rtl);
      if (!doc.chairs().isEmpty()) {
        text(
            word,
            labels.get("chair") + ": " + String.join("; ", doc.chairs()),
            labels.language(),
            rtl);
      }
      if (!doc.viceChairs().isEmpty()) {
        text(
            word,
            labels.get("viceChairs") + ": " + String.join("; ", doc.viceChairs()),
            labels.language(),
            rtl);
      }
      doc.description().forEach(p -> text(word, p, labels.language(), rtl));
      if (!doc.corrections().isEmpty()) {
        heading(
            word,
            2,
            labels.format("corrigendum", Map.of("n", String.valueOf(doc.corrigendum()))),
            labels.language(),
            rtl);
        text(word, labels.get("changes"), labels.language(), rtl);
        doc.corrections().forEach(line -> text(word, "• " + line, labels.language(), rtl));
      }
      heading(word, 2, labels.get("contents"), labels.language(), rtl);
      for (JointInput.TocLine line : doc.toc()) {
        XWPFParagraph toc = paragraph(word, null, labels.language(), rtl);
        toc.setIndentationLeft(360 * (line.level() - 1));
        run(toc, line.text(), labels.language(), rtl);
      }
      framing(word, labels.get("introduction"), doc.introduction(), labels, rtl);
      heading(word, 2, labels.get("inputs"), labels.language(), rtl);
      for (JointInput.AgencyInputs agency : doc.agencies()) {
        heading(word, 3, agency.name(), labels.language(), rtl);
        for (JointInput.Input input : agency.inputs()) {
          input(word, input, labels, rtl);
        }
      }
      if (doc.agencies().isEmpty()) {
        text(word, labels.get("noInputs"), labels.language(), rtl);
      }
      framing(word, labels.get("conclusion"), doc.conclusion(), labels, rtl);
      heading(word, 2, labels.get("annex"), labels.language(), rtl);
      annex(word, labels.get("sdgs"), labels.get("goal"), doc.sdgs(), labels, rtl);
      annex(
          word,
          labels.get("actionLines"),
          labels.get("actionLine"),
          doc.actionLines(),
          labels,
          rtl);
      word.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Word document of " + doc.processId(), e);
    }
  }

  private static void framing(
      XWPFDocument word, String heading, List<String> text, Labels labels, boolean rtl) {
    if (text.isEmpty()) {
      return;
    }
    heading(word, 2, heading, labels.language(), rtl);
    text.forEach(p -> text(word, p, labels.language(), rtl));
  }

  private static void input(
      XWPFDocument word, JointInput.Input input, Labels labels, boolean documentRtl) {
    boolean rtl = "rtl".equals(input.dir());
    heading(word, 4, input.title(), input.language(), rtl);
    if (!input.summary().isBlank()) {
      XWPFParagraph summary = paragraph(word, null, input.language(), rtl);
      run(summary, input.summary(), input.language(), rtl).setItalic(true);
    }
    input.paragraphs().forEach(p -> text(word, p, input.language(), rtl));
    String lang = labels.language();
    text(word, labels.get("language") + ": " + input.languageName(), lang, documentRtl);
    text(word, labels.get("sdgs") + ": " + named(input.sdgs(), "SDG ", labels), lang, documentRtl);
    text(
        word,
        labels.get("actionLines") + ": " + named(input.actionLines(), "", labels),
        lang,
        documentRtl);
    for (String link : input.links()) {
      text(word, labels.get("links") + ": " + link, lang, false);
    }
    if (input.approvals().isEmpty()) {
      text(
          word,
          labels.get("approvedOn") + ": " + labels.dateTime(input.approvedAt()),
          lang,
          documentRtl);
    }
    for (JointInput.Approver approver : input.approvals()) {
      text(
          word,
          labels.get("approvedBy") + ": " + HtmlRenderer.approverLine(approver, labels),
          lang,
          documentRtl);
    }
    text(word, labels.get("revision") + ": " + input.revision(), lang, documentRtl);
  }

  private static String named(List<JointInput.Named> items, String prefix, Labels labels) {
    if (items.isEmpty()) {
      return labels.get("none");
    }
    return String.join("; ", items.stream().map(i -> prefix + i.code() + ": " + i.name()).toList());
  }

  private static void annex(
      XWPFDocument word,
      String caption,
      String heading,
      List<JointInput.AnnexRow> rows,
      Labels labels,
      boolean rtl) {
    XWPFParagraph title = paragraph(word, null, labels.language(), rtl);
    run(title, caption, labels.language(), rtl).setBold(true);
    XWPFTable table = word.createTable(Math.max(1, rows.size()) + 1, 2);
    table.setWidth("100%");
    cell(table.getRow(0), 0, heading, labels, rtl, true);
    cell(table.getRow(0), 1, labels.get("addressedBy"), labels, rtl, true);
    if (rows.isEmpty()) {
      cell(table.getRow(1), 0, labels.get("none"), labels, rtl, false);
      cell(table.getRow(1), 1, "", labels, rtl, false);
    }
    for (int i = 0; i < rows.size(); i++) {
      JointInput.AnnexRow row = rows.get(i);
      cell(table.getRow(i + 1), 0, row.code() + ". " + row.name(), labels, rtl, false);
      cell(table.getRow(i + 1), 1, String.join(", ", row.agencies()), labels, rtl, false);
    }
  }

  private static void cell(
      XWPFTableRow row, int column, String text, Labels labels, boolean rtl, boolean bold) {
    XWPFParagraph paragraph = row.getCell(column).getParagraphs().get(0);
    if (rtl) {
      bidi(paragraph);
    }
    run(paragraph, text, labels.language(), rtl).setBold(bold);
  }

  private static void heading(
      XWPFDocument word, int level, String text, String language, boolean rtl) {
    XWPFParagraph heading = paragraph(word, "Heading" + level, language, rtl);
    run(heading, text, language, rtl);
  }

  private static void text(XWPFDocument word, String text, String language, boolean rtl) {
    XWPFParagraph paragraph = paragraph(word, null, language, rtl);
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      XWPFRun run = run(paragraph, lines[i], language, rtl);
      if (i < lines.length - 1) {
        run.addBreak();
      }
    }
  }

  private static XWPFParagraph paragraph(
      XWPFDocument word, String style, String language, boolean rtl) {
    XWPFParagraph paragraph = word.createParagraph();
    if (style != null) {
      paragraph.setStyle(style);
    }
    if (rtl) {
      bidi(paragraph);
      paragraph.setAlignment(ParagraphAlignment.RIGHT);
    }
    return paragraph;
  }

  private static void bidi(XWPFParagraph paragraph) {
    CTPPr ppr =
        paragraph.getCTP().isSetPPr()
            ? paragraph.getCTP().getPPr()
            : paragraph.getCTP().addNewPPr();
    ppr.addNewBidi();
  }

  private static XWPFRun run(XWPFParagraph paragraph, String text, String language, boolean rtl) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    CTRPr rpr = run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr();
    CTFonts fonts = rpr.addNewRFonts();
    fonts.setAscii("Times New Roman");
    fonts.setHAnsi("Times New Roman");
    fonts.setCs("Times New Roman");
    fonts.setEastAsia("SimSun");
    CTLanguage lang = rpr.addNewLang();
    String tag = Labels.tag(language);
    if (rtl) {
      rpr.addNewRtl();
      lang.setBidi(tag);
    } else if ("zh".equals(tag)) {
      lang.setEastAsia(tag);
    } else {
      lang.setVal(tag);
    }
    return run;
  }

  /** Heading 1-4 styles with their outline level, so Word lists them in its outline and TOC. */
  private static void headingStyles(XWPFDocument word) {
    XWPFStyles styles = word.createStyles();
    int[] sizes = {36, 30, 26, 24};
    for (int level = 1; level <= 4; level++) {
      CTStyle style = CTStyle.Factory.newInstance();
      style.setStyleId("Heading" + level);
      style.setType(STStyleType.PARAGRAPH);
      style.addNewName().setVal("heading " + level);
      style.addNewBasedOn().setVal("Normal");
      style.addNewNext().setVal("Normal");
      style.addNewUiPriority().setVal(BigInteger.valueOf(9));
      style.addNewQFormat();
      CTPPrGeneral ppr = style.addNewPPr();
      ppr.addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1L));
      ppr.addNewKeepNext();
      ppr.addNewSpacing().setBefore(BigInteger.valueOf(240));
      CTRPr rpr = style.addNewRPr();
      rpr.addNewB();
      rpr.addNewSz().setVal(BigInteger.valueOf(sizes[level - 1]));
      styles.addStyle(new XWPFStyle(style, styles));
    }
  }
}
