package org.ungis.publication.record.web;

import com.openhtmltopdf.bidi.support.ICUBidiReorderer;
import com.openhtmltopdf.bidi.support.ICUBidiSplitter;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The document as a PDF: the very page of {@link HtmlRenderer} (XHTML with its A4 print
 * stylesheet), laid out by openhtmltopdf, tagged for accessibility (PDF/UA: structure, language,
 * title), with right-to-left text reordered and Arabic shaped, and the fonts of every script
 * embedded (subsets).
 */
final class PdfRenderer {

  /** Every text in one list of families: no generic family, so no font is left unembedded. */
  private static final String FONT_RULE =
      "<style>*{font-family:" + DocumentFonts.FAMILIES + " !important}</style>\n</head>";

  private final DocumentFonts fonts;

  PdfRenderer(DocumentFonts fonts) {
    this.fonts = fonts;
  }

  byte[] render(JointInput doc) {
    fonts.requireAll();
    String html = HtmlRenderer.render(doc).replaceFirst("</head>", FONT_RULE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    PdfRendererBuilder builder = new PdfRendererBuilder();
    builder.useFastMode();
    builder.usePdfUaAccessbility(true);
    builder.useUnicodeBidiSplitter(new ICUBidiSplitter.ICUBidiSplitterFactory());
    builder.useUnicodeBidiReorderer(new ICUBidiReorderer());
    builder.defaultTextDirection(
        "rtl".equals(doc.labels().dir())
            ? BaseRendererBuilder.TextDirection.RTL
            : BaseRendererBuilder.TextDirection.LTR);
    for (DocumentFonts.Font font : DocumentFonts.REQUIRED) {
      builder.useFont(
          fonts.path(font).toFile(),
          font.family(),
          font.weight(),
          font.italic()
              ? BaseRendererBuilder.FontStyle.ITALIC
              : BaseRendererBuilder.FontStyle.NORMAL,
          true);
    }
    builder.withHtmlContent(html, null);
    builder.toStream(out);
    try {
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render the PDF of " + doc.processId(), e);
    }
    return out.toByteArray();
  }
}
