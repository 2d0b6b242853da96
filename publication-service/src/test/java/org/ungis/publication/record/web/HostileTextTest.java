package org.ungis.publication.record.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.PublishedRecord;

/**
 * Untrusted text (titles, summaries, bodies, links, the chair's framing, the call's title and
 * description, an approver's name) never changes a document's structure, in any format: each
 * hostile text is put in every such place, the document is read back with a real parser, and its
 * structure must be exactly that of the same document with harmless text, while the hostile text is
 * still there to read, literally.
 */
class HostileTextTest {

  static Stream<String> corpus() {
    return Stream.of(
        "Heading\n=======",
        "Heading\n-------",
        "---",
        "***",
        "_ _ _",
        "- item",
        "+ item",
        "* item",
        "1. item",
        "7) item",
        "> quoted",
        "# heading",
        "###### heading",
        "```\nfenced code\n```",
        "~~~\nfenced code\n~~~",
        "    indented code",
        "\tindented code",
        "<div>an HTML block</div>",
        "<script>alert(1)</script>",
        "<!-- a comment -->",
        "<details><summary>x</summary>y</details>",
        "[ref]: https://evil.example/",
        "[a link](https://evil.example/)",
        "![an image](https://evil.example/x.png)",
        "<https://evil.example/>",
        "| a | b |\n| --- | --- |\n| c | d |",
        "a | b\n--- | ---",
        "*emphasis* __strong__ `code` ~~strike~~",
        "[^1]: a footnote",
        "&lt;script&gt; &#60;b&#62; &amp;",
        "back\\slash \\* escape",
        "\u202Eright-to-left override\u202C and \u2067isolate\u2069",
        "a line\r\nbreak and a\u2028separator",
        "Term\n: definition",
        ":::\nadmonition\n:::",
        "$x^2$ and $$y$$",
        "\" onmouseover=\"alert(1)\" x=\"",
        "]]></title><script>x</script>");
  }

  static PublishedRecord record(String text) {
    CallInfo call =
        new CallInfo(
            "Call " + text,
            "Description " + text,
            GdcJointInput.DEADLINE,
            "UNGIS/2023/GDC/1",
            "EN",
            "Introduction " + text,
            "Conclusion " + text);
    List<Entry> entries = new ArrayList<>();
    for (String[] input :
        List.of(new String[] {"c-itu", "ITU", "EN"}, new String[] {"c-unescwa", "UNESCWA", "AR"})) {
      entries.add(
          new Entry(
              "gdc-2023",
              input[0],
              input[1],
              "",
              1,
              GdcJointInput.T0,
              GdcJointInput.T0.plusSeconds(60),
              new Content(
                  "Title " + text,
                  "Summary " + text,
                  "Body " + text + "\n\nSecond paragraph " + text,
                  input[2],
                  List.of("C2"),
                  List.of(9),
                  List.of("Link " + text)),
              List.of(new Approval("UNDP", "Person " + text, GdcJointInput.T0.plusSeconds(60)))));
    }
    return new PublishedRecord(
        new Edition(
            "gdc-2023",
            1,
            true,
            call,
            GdcJointInput.T0.plusSeconds(120),
            entries.stream().map(Entry::ref).toList()),
        entries);
  }

  static JointInput document(String text) {
    return GdcJointInput.document(record(text), "EN");
  }

  static final String HARMLESS = "harmless words";

  /** The fonts of every PDF the test renders. */
  static final DocumentFonts FONTS = new DocumentFonts(Path.of("/usr/share/fonts/truetype"));

  /**
   * The structures of the document with harmless text, read once: every hostile text is compared
   * with the same ones, so each format renders the harmless document once, not once per case.
   */
  static final class Harmless {
    static final Parser MARKDOWN =
        Parser.builder().extensions(List.of(TablesExtension.create())).build();
    static final List<String> MARKDOWN_STRUCTURE =
        structure(MARKDOWN.parse(MarkdownRenderer.render(document(HARMLESS))));
    static final List<String> HTML_STRUCTURE =
        structure(Jsoup.parse(HtmlRenderer.render(document(HARMLESS))));
    static final List<String> WORD_STRUCTURE = wordStructure(document(HARMLESS));

    private static List<String> wordStructure(JointInput document) {
      try {
        return structure(DocxRenderer.render(document));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void markdownKeepsItsStructure(String hostile) {
    Node actual = Harmless.MARKDOWN.parse(MarkdownRenderer.render(document(hostile)));

    assertThat(structure(actual)).isEqualTo(Harmless.MARKDOWN_STRUCTURE);
    assertThat(normalized(text(actual))).contains(normalized(Texts.oneLine(hostile)));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void htmlKeepsItsStructure(String hostile) {
    Document actual = Jsoup.parse(HtmlRenderer.render(document(hostile)));

    assertThat(structure(actual)).isEqualTo(Harmless.HTML_STRUCTURE);
    assertThat(normalized(actual.text())).contains(normalized(Texts.oneLine(hostile)));
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void wordKeepsItsStructure(String hostile) throws IOException {
    assertThat(structure(DocxRenderer.render(document(hostile))))
        .isEqualTo(Harmless.WORD_STRUCTURE);
  }

  @ParameterizedTest
  @MethodSource("corpus")
  void thePdfStillRendersAndReadsTheTextLiterally(String hostile) throws IOException {
    DocumentFormatsTest.requireFonts(FONTS);
    String text = DocumentFormatsTest.pdfText(new PdfRenderer(FONTS).render(document(hostile)));
    assertThat(normalized(text)).contains(normalized("Title " + Texts.oneLine(hostile)));
  }

  /** The kinds of the nodes in document order, but for text and line breaks inside a block. */
  static List<String> structure(Node document) {
    List<String> kinds = new ArrayList<>();
    document.accept(
        new AbstractVisitor() {
          @Override
          protected void visitChildren(Node parent) {
            for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
              if (!(node instanceof Text
                  || node instanceof HardLineBreak
                  || node instanceof SoftLineBreak)) {
                kinds.add(node.getClass().getSimpleName());
              }
              node.accept(this);
            }
          }
        });
    return kinds;
  }

  static String text(Node document) {
    StringBuilder text = new StringBuilder();
    document.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text node) {
            text.append(node.getLiteral());
          }

          @Override
          public void visit(Code node) {
            text.append(node.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak node) {
            text.append(' ');
          }

          @Override
          public void visit(HardLineBreak node) {
            text.append(' ');
          }
        });
    return text.toString();
  }

  /** Every element with its attribute names, in document order. */
  static List<String> structure(Document html) {
    List<String> elements = new ArrayList<>();
    for (Element element : html.getAllElements()) {
      if (element.tagName().equals("br")) {
        continue; // a line break inside a paragraph, like Markdown's hard break
      }
      StringBuilder line = new StringBuilder(element.tagName());
      element.attributes().forEach(a -> line.append(' ').append(a.getKey()));
      elements.add(line.toString());
    }
    return elements;
  }

  /** Every paragraph's style and every table's size, in document order. */
  static List<String> structure(byte[] docx) throws IOException {
    try (XWPFDocument word = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<String> parts = new ArrayList<>();
      word.getBodyElements()
          .forEach(
              element -> {
                if (element instanceof XWPFParagraph p) {
                  parts.add("p " + p.getStyle());
                } else {
                  parts.add("table");
                }
              });
      word.getTables().forEach(t -> parts.add("rows " + t.getNumberOfRows()));
      return parts;
    }
  }

  static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
