package org.ungis.publication.record.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The Atom feed of editions, read back with the JDK's namespace-aware XML parser. */
class AtomFeedTest {

  static final String ATOM = "http://www.w3.org/2005/Atom";

  static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aFeedListsEachEditionNewestFirstWithItsSymbolChangesAndFormats() throws Exception {
    String url = "https://records.example/api/v1/records/gdc-2023/editions/";
    String xml =
        AtomFeed.render(
            "urn:ungis:records:gdc-2023",
            "UNGIS/2023/GDC/1 — UNGIS joint input to the Global Digital Compact",
            "https://records.example/api/v1/records/gdc-2023/feed.atom",
            List.of(
                new AtomFeed.Item(
                    GdcJointInput.document(GdcJointInput.record(true), "EN"), url + 4),
                new AtomFeed.Item(
                    GdcJointInput.document(GdcJointInput.corrigendum(), "EN"), url + 5)));

    Document feed = parse(xml);
    Element root = feed.getDocumentElement();
    assertThat(root.getNamespaceURI()).isEqualTo(ATOM);
    assertThat(root.getLocalName()).isEqualTo("feed");
    assertThat(text(root, "id")).isEqualTo("urn:ungis:records:gdc-2023");
    NodeList entries = root.getElementsByTagNameNS(ATOM, "entry");
    assertThat(entries.getLength()).isEqualTo(2);

    Element newest = (Element) entries.item(0);
    assertThat(text(newest, "id")).isEqualTo("urn:ungis:records:gdc-2023:editions:5");
    assertThat(text(newest, "title"))
        .isEqualTo(
            "UNGIS/2023/GDC/1/Corr.1 — UNGIS joint input to the Global Digital Compact"
                + " (Edition 5 · Corrigendum 1)");
    assertThat(text(newest, "updated")).isEqualTo("2023-03-02T09:00:00Z");
    assertThat(text(newest, "summary"))
        .contains("4 inputs")
        .contains("was withdrawn on 2 March 2023");
    assertThat(links(newest))
        .containsExactly(
            "text/html " + url + 5,
            "application/pdf " + url + "5.pdf",
            RecordController.DOCX + " " + url + "5.docx",
            "text/markdown " + url + "5.md",
            "application/json " + url + "5.json");
    assertThat(text(root, "updated")).isEqualTo("2023-03-02T09:00:00Z");
    assertThat(text((Element) entries.item(1), "id"))
        .isEqualTo("urn:ungis:records:gdc-2023:editions:4");
  }

  @Test
  void textThatXmlForbidsOrWouldParseIsEscapedOrDropped() throws Exception {
    assertThat(AtomFeed.escape("a <b> & \"c\" 'd' \u0001e"))
        .isEqualTo("a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; e");
    String xml =
        AtomFeed.render("urn:x", "]]></title><script>\u0000", "https://x/feed.atom", List.of());
    assertThat(text(parse(xml).getDocumentElement(), "title")).isEqualTo("]]></title><script>");
  }

  static String text(Element parent, String name) {
    return parent.getElementsByTagNameNS(ATOM, name).item(0).getTextContent();
  }

  static List<String> links(Element entry) {
    List<String> links = new ArrayList<>();
    NodeList all = entry.getElementsByTagNameNS(ATOM, "link");
    for (int i = 0; i < all.getLength(); i++) {
      Element link = (Element) all.item(i);
      links.add(link.getAttribute("type") + " " + link.getAttribute("href"));
    }
    return links;
  }
}
