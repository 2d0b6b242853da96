package org.ungis.publication.record.web;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.publication.record.PublishedRecords;
import org.ungis.publication.record.RecordSummary;

/**
 * The published records, public (no authentication): as JSON, Markdown or HTML by content
 * negotiation ({@code Accept}).
 */
@RestController
@RequestMapping("/api/v1/records")
class RecordController {

  static final String MARKDOWN = "text/markdown;charset=UTF-8";
  static final String HTML = "text/html;charset=UTF-8";

  /** The HTML document needs only its inline style; nothing may run or load. */
  static final String HTML_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private final PublishedRecords records;

  RecordController(PublishedRecords records) {
    this.records = records;
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<RecordSummary> list() {
    return records.list();
  }

  @GetMapping(produces = MARKDOWN)
  ResponseEntity<String> listMarkdown() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(MARKDOWN))
        .body(MarkdownRenderer.index(records.list()));
  }

  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> listHtml() {
    return htmlResponse(HtmlRenderer.index(records.list()));
  }

  @GetMapping(path = "/{process}", produces = MediaType.APPLICATION_JSON_VALUE)
  RecordDocument latestJson(@PathVariable String process) {
    return RecordDocument.of(latest(process));
  }

  @GetMapping(path = "/{process}", produces = MARKDOWN)
  ResponseEntity<String> latestMarkdown(@PathVariable String process) {
    return markdown(latest(process));
  }

  @GetMapping(path = "/{process}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> latestHtml(@PathVariable String process) {
    return html(latest(process));
  }

  @GetMapping(path = "/{process}/editions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  RecordDocument editionJson(@PathVariable String process, @PathVariable int number) {
    return RecordDocument.of(edition(process, number));
  }

  @GetMapping(path = "/{process}/editions/{number}", produces = MARKDOWN)
  ResponseEntity<String> editionMarkdown(@PathVariable String process, @PathVariable int number) {
    return markdown(edition(process, number));
  }

  @GetMapping(path = "/{process}/editions/{number}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> editionHtml(@PathVariable String process, @PathVariable int number) {
    return html(edition(process, number));
  }

  private PublishedRecord latest(String process) {
    return records.latest(process).orElseThrow(() -> new RecordNotFoundException(process, null));
  }

  private PublishedRecord edition(String process, int number) {
    return records
        .edition(process, number)
        .orElseThrow(() -> new RecordNotFoundException(process, number));
  }

  private static ResponseEntity<String> markdown(PublishedRecord record) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(MARKDOWN))
        .body(MarkdownRenderer.render(record));
  }

  private static ResponseEntity<String> html(PublishedRecord record) {
    return htmlResponse(HtmlRenderer.render(record));
  }

  private static ResponseEntity<String> htmlResponse(String document) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(HTML))
        .header("Content-Security-Policy", HTML_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .body(document);
  }
}
