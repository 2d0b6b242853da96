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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.publication.record.PublishedRecord;
import org.ungis.publication.record.PublishedRecords;
import org.ungis.publication.record.RecordSummary;
import org.ungis.reference.Goals;
import org.ungis.reference.Roster;

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
            + " Public: no token. Each record is served as application/json, text/markdown,"
            + " text/html, application/pdf or Word (.docx) by content negotiation (Accept) or by"
            + " the path's extension; errors are always"
            + " application/problem+json with a stable type https://ungis.org/problems/<slug>.")
@RestController
@RequestMapping("/api/v1/records")
class RecordController {

  static final String MARKDOWN = "text/markdown;charset=UTF-8";
  static final String HTML = "text/html;charset=UTF-8";
  static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  /** The HTML document needs only its inline style; nothing may run or load. */
  static final String HTML_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; "
          + "form-action 'none'; frame-ancestors 'none'";

  private final PublishedRecords records;
  private final Roster roster;
  private final Goals goals;
  private final PdfRenderer pdf;

  RecordController(PublishedRecords records, Roster roster, Goals goals, PdfRenderer pdf) {
    this.records = records;
    this.roster = roster;
    this.goals = goals;
    this.pdf = pdf;
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
      summary = "Read the latest edition of a call's joint input",
      description =
          "The latest published edition as the document the secretariat issues: symbol (with"
              + " /Corr.n for a corrigendum and the lines saying what changed), edition, chair and"
              + " vice-chairs of the call's period, the chair's introduction and conclusion, a"
              + " table of contents, every input grouped by agency with who approved it and when,"
              + " each tagged with its language and direction, and an annex of the SDGs and WSIS"
              + " action lines addressed, by their full names. Labels are in the call's language"
              + " (set by the chair) unless ?lang= names another of AR, ZH, EN, FR, RU, ES."
              + " Negotiated on Accept (application/json, text/markdown, text/html,"
              + " application/pdf, "
              + DOCX
              + "), or chosen by the extension of the path"
              + " (/{process}.pdf, .docx, .html, .md, .json). All text from agencies is escaped:"
              + " it never becomes structure in any format.")
  @RecordResponses
  @GetMapping(path = "/{process}", produces = MediaType.APPLICATION_JSON_VALUE)
  RecordDocument latestJson(
      @ProcessId @PathVariable String process,
      @Language @RequestParam(required = false) String lang) {
    PublishedRecord record = latest(process);
    return RecordDocument.of(record, document(record, lang));
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}", produces = MARKDOWN)
  ResponseEntity<?> latestMarkdown(
      @PathVariable String process, @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.MD, lang);
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<?> latestHtml(
      @PathVariable String process, @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.HTML, lang);
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<?> latestPdf(
      @PathVariable String process, @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.PDF, lang);
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}", produces = DOCX)
  ResponseEntity<?> latestDocx(
      @PathVariable String process, @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.DOCX, lang);
  }

  // One operation per file extension, each with the one media type it answers: a client
  // generated from the description gets bytes for the PDF and Word files, text for the others.

  @Operation(
      operationId = "latestEditionPdf",
      summary = "Download the latest edition as PDF",
      description = FILE_DESCRIPTION + " (/{process}.pdf).")
  @PdfFile
  @FileErrors
  @GetMapping("/{process}.pdf")
  ResponseEntity<?> latestPdfFile(
      @ProcessId @PathVariable String process,
      @Language @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.PDF, lang);
  }

  @Operation(
      operationId = "latestEditionDocx",
      summary = "Download the latest edition as a Word document",
      description = FILE_DESCRIPTION + " (/{process}.docx).")
  @DocxFile
  @FileErrors
  @GetMapping("/{process}.docx")
  ResponseEntity<?> latestDocxFile(
      @ProcessId @PathVariable String process,
      @Language @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.DOCX, lang);
  }

  @Operation(
      operationId = "latestEditionHtml",
      summary = "Download the latest edition as an HTML page",
      description = FILE_DESCRIPTION + " (/{process}.html).")
  @HtmlFile
  @FileErrors
  @GetMapping("/{process}.html")
  ResponseEntity<?> latestHtmlFile(
      @ProcessId @PathVariable String process,
      @Language @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.HTML, lang);
  }

  @Operation(
      operationId = "latestEditionMarkdown",
      summary = "Download the latest edition as Markdown",
      description = FILE_DESCRIPTION + " (/{process}.md).")
  @MarkdownFile
  @FileErrors
  @GetMapping("/{process}.md")
  ResponseEntity<?> latestMarkdownFile(
      @ProcessId @PathVariable String process,
      @Language @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.MD, lang);
  }

  @Operation(
      operationId = "latestEditionJsonFile",
      summary = "Download the latest edition as JSON",
      description = FILE_DESCRIPTION + " (/{process}.json).")
  @JsonFile
  @FileErrors
  @GetMapping("/{process}.json")
  ResponseEntity<?> latestJsonFile(
      @ProcessId @PathVariable String process,
      @Language @RequestParam(required = false) String lang) {
    return respond(latest(process), Format.JSON, lang);
  }

  @Operation(
      operationId = "edition",
      summary = "Read one edition of a call's joint input, current or past",
      description =
          "Edition n as it was published (past editions are kept by the service after compaction"
              + " removed their manifests from the topic; a corrigendum never replaces them). Same"
              + " representations as the latest edition. With several instances, the request may"
              + " be forwarded once to the instance that keeps the process's history.")
  @RecordResponses
  @ApiResponse(
      responseCode = "400",
      description =
          "type https://ungis.org/problems/validation: the edition is not a number, or lang is"
              + " not one of the six languages",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @GetMapping(path = "/{process}/editions/{number}", produces = MediaType.APPLICATION_JSON_VALUE)
  RecordDocument editionJson(
      @ProcessId @PathVariable String process,
      @Parameter(description = "The edition number, from 1", example = "2") @PathVariable
          int number,
      @Language @RequestParam(required = false) String lang) {
    PublishedRecord record = edition(process, number);
    return RecordDocument.of(record, document(record, lang));
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}/editions/{number}", produces = MARKDOWN)
  ResponseEntity<?> editionMarkdown(
      @PathVariable String process,
      @PathVariable int number,
      @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.MD, lang);
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}/editions/{number}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<?> editionHtml(
      @PathVariable String process,
      @PathVariable int number,
      @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.HTML, lang);
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}/editions/{number}", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<?> editionPdf(
      @PathVariable String process,
      @PathVariable int number,
      @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.PDF, lang);
  }

  @Operation(hidden = true)
  @GetMapping(path = "/{process}/editions/{number}", produces = DOCX)
  ResponseEntity<?> editionDocx(
      @PathVariable String process,
      @PathVariable int number,
      @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.DOCX, lang);
  }

  @Operation(
      operationId = "editionPdf",
      summary = "Download one edition as PDF",
      description = EDITION_FILE_DESCRIPTION + " (/{process}/editions/{number}.pdf).")
  @PdfFile
  @FileErrors
  @GetMapping("/{process}/editions/{number}.pdf")
  ResponseEntity<?> editionPdfFile(
      @ProcessId @PathVariable String process,
      @EditionNumber @PathVariable int number,
      @Language @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.PDF, lang);
  }

  @Operation(
      operationId = "editionDocx",
      summary = "Download one edition as a Word document",
      description = EDITION_FILE_DESCRIPTION + " (/{process}/editions/{number}.docx).")
  @DocxFile
  @FileErrors
  @GetMapping("/{process}/editions/{number}.docx")
  ResponseEntity<?> editionDocxFile(
      @ProcessId @PathVariable String process,
      @EditionNumber @PathVariable int number,
      @Language @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.DOCX, lang);
  }

  @Operation(
      operationId = "editionHtml",
      summary = "Download one edition as an HTML page",
      description = EDITION_FILE_DESCRIPTION + " (/{process}/editions/{number}.html).")
  @HtmlFile
  @FileErrors
  @GetMapping("/{process}/editions/{number}.html")
  ResponseEntity<?> editionHtmlFile(
      @ProcessId @PathVariable String process,
      @EditionNumber @PathVariable int number,
      @Language @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.HTML, lang);
  }

  @Operation(
      operationId = "editionMarkdown",
      summary = "Download one edition as Markdown",
      description = EDITION_FILE_DESCRIPTION + " (/{process}/editions/{number}.md).")
  @MarkdownFile
  @FileErrors
  @GetMapping("/{process}/editions/{number}.md")
  ResponseEntity<?> editionMarkdownFile(
      @ProcessId @PathVariable String process,
      @EditionNumber @PathVariable int number,
      @Language @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.MD, lang);
  }

  @Operation(
      operationId = "editionJsonFile",
      summary = "Download one edition as JSON",
      description = EDITION_FILE_DESCRIPTION + " (/{process}/editions/{number}.json).")
  @JsonFile
  @FileErrors
  @GetMapping("/{process}/editions/{number}.json")
  ResponseEntity<?> editionJsonFile(
      @ProcessId @PathVariable String process,
      @EditionNumber @PathVariable int number,
      @Language @RequestParam(required = false) String lang) {
    return respond(edition(process, number), Format.JSON, lang);
  }

  static final String FILE_DESCRIPTION =
      "The same document as /{process}, in the format of the path's extension (links for people:"
          + " no Accept header needed)";

  static final String EDITION_FILE_DESCRIPTION =
      "The same document as /{process}/editions/{number}, in the format of the path's extension";

  /** How many editions of one call its feed lists (the newest). */
  static final int FEED_EDITIONS = 20;

  /** How many editions of each call the feed of all calls lists, and how many in all. */
  static final int ALL_FEED_EDITIONS_PER_CALL = 5;

  static final int ALL_FEED_ENTRIES = 50;

  @Operation(
      operationId = "feedOfAllRecords",
      summary = "Atom feed of the editions of every call's joint input",
      description =
          "An Atom 1.0 feed (RFC 4287): the newest editions of every record (at most "
              + ALL_FEED_EDITIONS_PER_CALL
              + " per call, "
              + ALL_FEED_ENTRIES
              + " in all), newest first, each with its symbol (with /Corr.n for a corrigendum),"
              + " what a corrigendum changed, and links to the edition as HTML, PDF, Word,"
              + " Markdown and JSON.")
  @ApiResponse(
      responseCode = "200",
      description = "The feed",
      content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = "string")))
  @Unavailable
  @GetMapping(path = "/feed.atom")
  ResponseEntity<String> feed() {
    List<AtomFeed.Item> items = new java.util.ArrayList<>();
    for (RecordSummary summary : records.list()) {
      int from = Math.max(1, summary.edition() - ALL_FEED_EDITIONS_PER_CALL + 1);
      for (int n = summary.edition(); n >= from; n--) {
        editionHere(summary.processId(), n).map(this::feedItem).ifPresent(items::add);
      }
    }
    items.sort(
        java.util.Comparator.comparing((AtomFeed.Item i) -> i.doc().publishedAt()).reversed());
    return atom(
        AtomFeed.render(
            "urn:ungis:records",
            "UNGIS joint inputs",
            url("/api/v1/records/feed.atom"),
            items.subList(0, Math.min(items.size(), ALL_FEED_ENTRIES))));
  }

  @Operation(
      operationId = "feedOfRecord",
      summary = "Atom feed of the editions of one call's joint input",
      description =
          "An Atom 1.0 feed of the newest "
              + FEED_EDITIONS
              + " editions of the call's record, corrigenda included, newest first.")
  @ApiResponse(
      responseCode = "200",
      description = "The feed",
      content = @Content(mediaType = AtomFeed.MEDIA_TYPE, schema = @Schema(type = "string")))
  @ApiResponse(
      responseCode = "404",
      description = "type https://ungis.org/problems/not-found: no record of this process",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @Unavailable
  @GetMapping(path = "/{process}/feed.atom")
  ResponseEntity<String> feed(@ProcessId @PathVariable String process) {
    PublishedRecord newest = latest(process);
    int last = newest.edition().number();
    List<AtomFeed.Item> items = new java.util.ArrayList<>();
    items.add(feedItem(newest));
    for (int n = last - 1; n >= Math.max(1, last - FEED_EDITIONS + 1); n--) {
      editionHere(process, n).map(this::feedItem).ifPresent(items::add);
    }
    JointInput doc = items.get(0).doc();
    return atom(
        AtomFeed.render(
            "urn:ungis:records:" + process,
            (doc.symbol().isEmpty() ? "" : doc.symbol().replaceFirst("/Corr\\.\\d+$", "") + " — ")
                + doc.title(),
            url("/api/v1/records/" + process + "/feed.atom"),
            items));
  }

  /**
   * A past edition if this instance keeps it; with several instances a feed lists the editions its
   * instance keeps and the latest of each call (which every instance serves).
   */
  private java.util.Optional<PublishedRecord> editionHere(String process, int number) {
    try {
      return records.edition(process, number);
    } catch (PublishedRecords.ElsewhereException e) {
      return java.util.Optional.empty();
    }
  }

  private AtomFeed.Item feedItem(PublishedRecord record) {
    JointInput doc = document(record, null);
    return new AtomFeed.Item(
        doc, url("/api/v1/records/" + doc.processId() + "/editions/" + doc.edition()));
  }

  private static String url(String path) {
    return org.springframework.web.servlet.support.ServletUriComponentsBuilder
        .fromCurrentContextPath()
        .path(path)
        .toUriString();
  }

  private static ResponseEntity<String> atom(String feed) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(AtomFeed.MEDIA_TYPE))
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .body(feed);
  }

  private PublishedRecord latest(String process) {
    return records.latest(process).orElseThrow(() -> new RecordNotFoundException(process, null));
  }

  private PublishedRecord edition(String process, int number) {
    return records
        .edition(process, number)
        .orElseThrow(() -> new RecordNotFoundException(process, number));
  }

  /** The document of an edition in the asked language, else the call's. */
  private JointInput document(PublishedRecord record, String lang) {
    if (lang != null && !Labels.isKnown(lang)) {
      throw new UnknownLanguageException(lang);
    }
    return JointInput.of(
        record, roster, goals, lang != null ? lang : record.edition().call().language());
  }

  /** The formats of a record and their media types. */
  enum Format {
    JSON(MediaType.APPLICATION_JSON_VALUE, "json"),
    MD(MARKDOWN, "md"),
    HTML(RecordController.HTML, "html"),
    PDF(MediaType.APPLICATION_PDF_VALUE, "pdf"),
    DOCX(RecordController.DOCX, "docx");

    final String mediaType;
    final String extension;

    Format(String mediaType, String extension) {
      this.mediaType = mediaType;
      this.extension = extension;
    }
  }

  private ResponseEntity<?> respond(PublishedRecord record, Format format, String lang) {
    JointInput doc = document(record, lang);
    return switch (format) {
      case JSON ->
          ResponseEntity.ok()
              .contentType(MediaType.APPLICATION_JSON)
              .body(RecordDocument.of(record, doc));
      case MD ->
          ResponseEntity.ok()
              .contentType(MediaType.parseMediaType(MARKDOWN))
              .header(HttpHeaders.CONTENT_LANGUAGE, doc.labels().tag())
              .body(MarkdownRenderer.render(doc));
      case HTML -> htmlResponse(HtmlRenderer.render(doc));
      case PDF -> file(doc, format, pdf.render(doc));
      case DOCX -> file(doc, format, DocxRenderer.render(doc));
    };
  }

  private static ResponseEntity<byte[]> file(JointInput doc, Format format, byte[] body) {
    String name =
        (doc.symbol().isEmpty() ? doc.processId() + "-" + doc.edition() : doc.symbol())
                .replaceAll("[^A-Za-z0-9.-]+", "-")
            + "-"
            + doc.labels().tag()
            + "."
            + format.extension;
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(format.mediaType))
        .header(HttpHeaders.CONTENT_LANGUAGE, doc.labels().tag())
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + name + "\"")
        .header("X-Content-Type-Options", "nosniff")
        .body(body);
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
                    description = "The record as a self-contained HTML page (no script)")),
        @Content(
            mediaType = MediaType.APPLICATION_PDF_VALUE,
            schema =
                @Schema(
                    type = "string",
                    format = "binary",
                    description = "The record as a tagged A4 PDF with its fonts embedded")),
        @Content(
            mediaType = DOCX,
            schema =
                @Schema(
                    type = "string",
                    format = "binary",
                    description = "The record as a Word document"))
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

  /** A file endpoint's {@code 200}: a PDF. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The record edition as a tagged A4 PDF with its fonts embedded",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PDF_VALUE,
              schema = @Schema(type = "string", format = "binary")))
  @interface PdfFile {}

  /** A file endpoint's {@code 200}: a Word document. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The record edition as a Word document",
      content = @Content(mediaType = DOCX, schema = @Schema(type = "string", format = "binary")))
  @interface DocxFile {}

  /** A file endpoint's {@code 200}: an HTML page. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The record edition as a self-contained HTML page (no script)",
      content = @Content(mediaType = HTML, schema = @Schema(type = "string")))
  @interface HtmlFile {}

  /** A file endpoint's {@code 200}: a Markdown document. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The record edition as a Markdown document",
      content = @Content(mediaType = MARKDOWN, schema = @Schema(type = "string")))
  @interface MarkdownFile {}

  /** A file endpoint's {@code 200}: the JSON document. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "200",
      description = "The record edition as JSON",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = RecordDocument.class)))
  @interface JsonFile {}

  /** The errors of the file endpoints. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "404",
      description = "type https://ungis.org/problems/not-found: no such record or edition",
      content =
          @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
  @Unavailable
  @interface FileErrors {}

  /** The {@code number} path variable, as documented. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(description = "The edition number, from 1", example = "2")
  @interface EditionNumber {}

  /** The {@code lang} query parameter, as documented. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(
      description =
          "The language of the document's labels: AR, ZH, EN, FR, RU or ES (default: the"
              + " language the chair chose for the call)",
      example = "FR",
      schema = @Schema(type = "string", pattern = "^(?i)(AR|ZH|EN|FR|RU|ES)$"))
  @interface Language {}

  /** 406 when Accept names none of the representations. */
  @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(
      responseCode = "406",
      description =
          "type https://ungis.org/problems/not-acceptable: Accept names none of"
              + " application/json, text/markdown, text/html, application/pdf, "
              + DOCX,
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
