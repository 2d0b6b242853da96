package org.ungis.publication.record.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
 *
 * <p>Each path has one handler per representation; the OpenAPI description shows them as one
 * operation (on the JSON handler) whose {@code 200} offers the three content types, the other
 * handlers are hidden from it.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "UNGIS publication-service",
            version = "v1",
            description =
                "Reads the consolidated records (UNGIS joint inputs) that publication-service"
                    + " publishes on the Kafka topic ungis.records.v1."))
@Tag(
    name = "records",
    description =
        "The published consolidated records (the UNGIS joint input of each call for inputs)."
            + " Public: no token. Each record is served as application/json, text/markdown or"
            + " text/html by content negotiation (Accept); errors are always"
            + " application/problem+json with a stable type https://ungis.org/problems/<slug>.")
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

  @Operation(
      operationId = "listRecords",
      summary = "List the published records",
      description =
          "One line per call for inputs with a published edition: its latest edition number,"
              + " whether it is final, its number of entries and when it was published. As"
              + " text/markdown or text/html, an index linking to each record.")
  @ApiResponse(
      responseCode = "200",
      description = "The records, ordered by process id",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            array = @ArraySchema(schema = @Schema(implementation = RecordSummary.class))),
        @Content(mediaType = MARKDOWN, schema = @Schema(type = "string")),
        @Content(mediaType = HTML, schema = @Schema(type = "string"))
      })
  @NotAcceptable
  @Unavailable
  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<RecordSummary> list() {
    return records.list();
  }

  @Operation(hidden = true)
  @GetMapping(produces = MARKDOWN)
  ResponseEntity<String> listMarkdown() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(MARKDOWN))
        .body(MarkdownRenderer.index(records.list()));
  }

  @Operation(hidden = true)
  @GetMapping(produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> listHtml() {
    return htmlResponse(HtmlRenderer.index(records.list()));
  }

  @Operation(
      operationId = "latestEdition",
      summary = "Read the latest edition of a call's record",
      description =
          "The latest published edition, exactly as a subscriber of ungis.records.v1 assembles"
              + " it: the call, the edition number and whether it is final, then every entry in"
              + " the published order (agency code, first submission, contribution id) with its"
              + " full text, and a coverage map of SDGs and WSIS action lines to agencies."
              + " text/markdown and text/html render the same document (all contribution text"
              + " escaped; the HTML page is self-contained and sent with a Content-Security-Policy"
              + " that forbids scripts).")
  @RecordResponses
  @GetMapping(path = "/{process}", produces = MediaType.APPLICATION_JSON_VALUE)
  RecordDocument latestJson(@ProcessId @PathVariable String process) {
    return RecordDocument.of(latest(process));
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}", produces = MARKDOWN)
  ResponseEntity<String> latestMarkdown(@PathVariable String process) {
    return markdown(latest(process));
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> latestHtml(@PathVariable String process) {
    return html(latest(process));
  }

  @Operation(
      operationId = "edition",
      summary = "Read one edition of a call's record, current or past",
      description =
          "Edition n as it was published (past editions are kept by the service after compaction"
              + " removed their manifests from the topic). Same representations as the latest"
              + " edition. With several instances, the request may be forwarded once to the"
              + " instance that keeps the process's history.")
  @RecordResponses
  @ApiResponse(
      responseCode = "400",
      description = "type https://ungis.org/problems/validation: the edition is not a number",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{process}/editions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  RecordDocument editionJson(
      @ProcessId @PathVariable String process,
      @Parameter(description = "The edition number, from 1", example = "2") @PathVariable
          int number) {
    return RecordDocument.of(edition(process, number));
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}/editions/{number}", produces = MARKDOWN)
  ResponseEntity<String> editionMarkdown(@PathVariable String process, @PathVariable int number) {
    return markdown(edition(process, number));
  }

  @Operation(hidden = true)
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

  static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** The {@code process} path variable, as documented. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(
      description = "The call for inputs (lower-case letters, digits and dashes)",
      example = "gdc-2023",
      schema = @Schema(type = "string", pattern = "^[a-z0-9-]+$"))
  @interface ProcessId {}

  /** The answers of the two record endpoints. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The record edition, in the representation asked for with Accept",
      content = {
        @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @Schema(implementation = RecordDocument.class)),
        @Content(
            mediaType = MARKDOWN,
            schema = @Schema(type = "string", description = "The record as a Markdown document")),
        @Content(
            mediaType = HTML,
            schema =
                @Schema(
                    type = "string",
                    description = "The record as a self-contained HTML page (no script)"))
      })
  @ApiResponse(
      responseCode = "404",
      description =
          "type https://ungis.org/problems/not-found: no record of this process, or no such"
              + " edition",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @NotAcceptable
  @Unavailable
  @interface RecordResponses {}

  /** 406 when Accept names none of the three representations. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "406",
      description =
          "type https://ungis.org/problems/not-acceptable: Accept names none of"
              + " application/json, text/markdown, text/html",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @interface NotAcceptable {}

  /** 503 while the service loads its stores. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "503",
      description =
          "type https://ungis.org/problems/unavailable: the published records are being loaded"
              + " (start-up, rebalance); retry after the Retry-After header's seconds",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @interface Unavailable {}
}
