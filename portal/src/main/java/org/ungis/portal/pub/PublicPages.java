package org.ungis.portal.pub;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriUtils;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Page;
import org.ungis.portal.api.Models.RecordEdition;
import org.ungis.portal.api.Models.RecordEntry;
import org.ungis.portal.api.Models.RecordSummary;
import org.ungis.portal.api.PublicationClient;
import org.ungis.portal.api.ReviewClient;
import org.ungis.portal.api.ServiceUnavailableException;
import org.ungis.portal.live.CallCatalogue;
import org.ungis.portal.security.Person;
import org.ungis.portal.web.Formats;
import org.ungis.portal.web.ListProblems;

/** What anyone may read: the open calls, a call, the joint inputs and their editions. */
@Controller
class PublicPages {

  /** The formats publication-service serves, by the file extension of a download. */
  private static final String WORD_VALUE =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private static final MediaType WORD = MediaType.parseMediaType(WORD_VALUE);

  enum Format {
    html(MediaType.TEXT_HTML, "text/html; charset=UTF-8"),
    md(MediaType.parseMediaType("text/markdown"), "text/markdown; charset=UTF-8"),
    json(MediaType.APPLICATION_JSON, "application/json"),
    pdf(MediaType.APPLICATION_PDF, "application/pdf"),
    docx(WORD, WORD_VALUE);

    final MediaType accept;
    final String contentType;

    Format(MediaType accept, String contentType) {
      this.accept = accept;
      this.contentType = contentType;
    }
  }

  /**
   * Entries shown on one page of a joint input: a record of a thousand inputs is read page by page
   * (the downloads hold them all), so that a page stays quick to render and to read. Each entry is
   * an agency's whole text, so twenty are already a long read, as many as a queue page lists.
   */
  static final int ENTRIES_PER_PAGE = 20;

  private final ReviewClient review;
  private final PublicationClient publication;
  private final CallCatalogue catalogue;
  private final Formats fmt;
  private final MessageSource messages;

  PublicPages(
      ReviewClient review,
      PublicationClient publication,
      CallCatalogue catalogue,
      Formats fmt,
      MessageSource messages) {
    this.review = review;
    this.publication = publication;
    this.catalogue = catalogue;
    this.fmt = fmt;
    this.messages = messages;
  }

  @GetMapping("/")
  String home(Authentication authentication, Model model) {
    model.addAttribute("calls", openCalls(authentication));
    model.addAttribute(
        "records", ListProblems.read(model, "recordsProblem", this::latestRecords, List.of()));
    return "home";
  }

  /** The parts of the home page that change live. */
  @GetMapping("/fragments/home")
  String homeFragment(Authentication authentication, Model model) {
    home(authentication, model);
    return "home :: live";
  }

  @GetMapping("/calls/{id}")
  String call(@PathVariable String id, Authentication authentication, Model model) {
    Call call =
        Person.of(authentication) != null
            ? review.call(id)
            : catalogue
                .call(id)
                .orElseThrow(
                    () ->
                        new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
    model.addAttribute("call", call);
    model.addAttribute(
        "record",
        latestRecordsOrNone().stream()
            .filter(r -> r.processId().equals(id))
            .findFirst()
            .orElse(null));
    return "call";
  }

  /**
   * A link to another edition of the record, ready to write: a record changed a hundred times has a
   * hundred of them on every page.
   */
  public record EditionLink(String href, String label) {}

  @GetMapping("/records/{process}")
  String record(
      @PathVariable String process,
      @RequestParam(required = false) Integer edition,
      @RequestParam(defaultValue = "0") int page,
      Locale locale,
      HttpServletRequest request,
      Model model) {
    RecordEdition shown = publication.edition(process, edition);
    int latest =
        edition == null
            ? shown.edition()
            : publication.latestNumber(process).orElse(shown.edition());
    Page<RecordEntry> entries = Page.of(shown.entries(), Math.max(0, page), ENTRIES_PER_PAGE);
    model.addAttribute("record", shown);
    model.addAttribute(
        "entries",
        entries.items().stream().map(e -> EntryView.of(e, fmt, messages, locale)).toList());
    model.addAttribute("entriesPage", entries.page());
    model.addAttribute("latest", latest);
    model.addAttribute("current", shown.edition() == latest);
    String base =
        request.getContextPath()
            + "/records/"
            + UriUtils.encodePathSegment(shown.processId(), StandardCharsets.UTF_8)
            + "?edition=";
    model.addAttribute(
        "earlier",
        IntStream.rangeClosed(1, latest)
            .boxed()
            .filter(n -> n != shown.edition())
            .sorted(Comparator.reverseOrder())
            .map(
                n ->
                    new EditionLink(
                        base + n,
                        messages.getMessage("record.edition.short", new Object[] {n}, locale)))
            .toList());
    return "record";
  }

  /** The part of a record page that changes live: whether a newer edition exists. */
  @GetMapping("/fragments/records/{process}/newer")
  String newer(@PathVariable String process, @RequestParam int edition, Model model) {
    model.addAttribute("process", process);
    model.addAttribute("latest", edition);
    model.addAttribute("newer", publication.latestNumber(process).orElse(0) > edition);
    return "record :: newer";
  }

  @GetMapping("/records/{process}/editions/{edition}/download.{format}")
  ResponseEntity<byte[]> download(
      @PathVariable String process, @PathVariable int edition, @PathVariable String format) {
    Format f;
    try {
      f = Format.valueOf(format);
    } catch (IllegalArgumentException unknown) {
      throw new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND);
    }
    byte[] body = publication.download(process, edition, f.accept.toString());
    String file = process.replaceAll("[^A-Za-z0-9-]", "") + "-edition-" + edition + "." + format;
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, f.contentType)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
        .header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'")
        .body(body);
  }

  private List<Call> openCalls(Authentication authentication) {
    if (Person.of(authentication) != null) {
      try {
        return review.openCalls();
      } catch (ApiProblem.Exception | ServiceUnavailableException e) {
        return catalogue.open();
      }
    }
    return catalogue.open();
  }

  private List<RecordSummary> latestRecords() {
    return publication.records().stream()
        .filter(r -> r.entryCount() > 0)
        .sorted(
            Comparator.comparing(
                RecordSummary::publishedAt, Comparator.nullsLast(Comparator.reverseOrder())))
        .limit(10)
        .toList();
  }

  /** A call page without its record's link when publication-service does not answer. */
  private List<RecordSummary> latestRecordsOrNone() {
    try {
      return latestRecords();
    } catch (ApiProblem.Exception | ServiceUnavailableException e) {
      return List.of();
    }
  }
}
