package org.ungis.review.call.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallState;
import org.ungis.review.call.Extension;
import org.ungis.review.call.JointInput;
import org.ungis.review.call.ProcessCommands;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.RuleViolation;
import org.ungis.review.web.BadRequestException;
import org.ungis.review.web.CurrentActor;
import org.ungis.review.web.Idempotency;
import org.ungis.web.PageRequest;
import org.ungis.web.PageResponse;
import org.ungis.web.QueryParameters;

/**
 * Calls for inputs: opened, extended and closed by the chair and vice-chairs (the writes take the
 * acting {@link Actor}, so they need a reviewer's token; see {@code CurrentActor}); read by any
 * authenticated caller, since agencies need to see the open calls.
 */
@Tag(
    name = "processes",
    description =
        "Calls for inputs: opened, framed, extended and closed by the chair and vice-chairs (a"
            + " reviewer's token); read by any authenticated caller.")
@SecurityRequirement(name = CurrentActor.BEARER)
@RestController
@RequestMapping("/api/v1/processes")
class ProcessController {

  record OpenCall(
      String id,
      String title,
      String description,
      String deadline,
      Integer requiredApprovals,
      String symbol,
      String language,
      String withdrawalAfterClosure) {}

  record Framing(String introduction, String conclusion) {}

  record DocumentSettings(String language, String withdrawalAfterClosure) {}

  record DocumentView(
      String symbol,
      String language,
      String withdrawalAfterClosure,
      String introduction,
      String conclusion) {
    static DocumentView of(JointInput d) {
      return new DocumentView(
          d.symbol(),
          d.language(),
          d.withdrawalAfterClosure().name(),
          d.introduction(),
          d.conclusion());
    }
  }

  record GrantExtension(String agency, String deadline, String reason) {}

  record ExtensionView(String agency, Instant deadline, String reason) {
    static ExtensionView of(Extension e) {
      return new ExtensionView(e.agency(), e.deadline(), e.reason());
    }
  }

  record CallView(
      String id,
      String title,
      String description,
      Instant deadline,
      String status,
      int requiredApprovals,
      List<ExtensionView> extensions,
      DocumentView document) {
    static CallView of(CallForInputs call) {
      return new CallView(
          call.id(),
          call.title(),
          call.description(),
          call.deadline(),
          call.state().name(),
          call.requiredApprovals(),
          call.extensions().stream().map(ExtensionView::of).toList(),
          DocumentView.of(call.document()));
    }
  }

  /** The calls list's order: the nearest deadline first, then id. */
  static final Comparator<CallForInputs> BY_DEADLINE =
      Comparator.comparing(CallForInputs::deadline).thenComparing(CallForInputs::id);

  private final ProcessCommands processes;

  ProcessController(ProcessCommands processes) {
    this.processes = processes;
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<CallView> open(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
      @RequestBody OpenCall body) {
    var request = Idempotency.of(actor, key, "POST", "/api/v1/processes", body);
    var result =
        processes.open(
            actor,
            body.id(),
            body.title(),
            body.description(),
            BadRequestException.instant("deadline", body.deadline()),
            body.requiredApprovals(),
            body.symbol(),
            body.language(),
            body.withdrawalAfterClosure(),
            request);
    return Idempotency.replayed(
            ResponseEntity.created(URI.create("/api/v1/processes/" + result.call().id())),
            result.replayed())
        .body(CallView.of(result.call()));
  }

  @PostMapping("/{id}/closure")
  ResponseEntity<CallView> close(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
      @PathVariable String id) {
    var request = Idempotency.of(actor, key, "POST", "/api/v1/processes/" + id + "/closure", "");
    var result = processes.close(actor, id, request);
    return Idempotency.replayed(ResponseEntity.ok(), result.replayed())
        .body(CallView.of(result.call()));
  }

  @PostMapping("/{id}/extensions")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<CallView> extend(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
      @PathVariable String id,
      @RequestBody GrantExtension body) {
    var request =
        Idempotency.of(actor, key, "POST", "/api/v1/processes/" + id + "/extensions", body);
    Instant deadline = BadRequestException.instant("deadline", body.deadline());
    var result =
        processes.grantExtension(actor, id, body.agency(), deadline, body.reason(), request);
    return Idempotency.replayed(
            ResponseEntity.created(
                URI.create("/api/v1/processes/" + id + "/extensions/" + body.agency())),
            result.replayed())
        .body(CallView.of(result.call()));
  }

  /**
   * The chair writes the joint input's introduction and conclusion (plain text; a field left out
   * keeps its text). After the closure it is a correction: the record publishes a corrigendum.
   */
  @PutMapping("/{id}/framing")
  CallView frame(
      @Parameter(hidden = true) Actor actor, @PathVariable String id, @RequestBody Framing body) {
    return CallView.of(processes.frame(actor, id, body.introduction(), body.conclusion()).call());
  }

  /**
   * The chair sets the joint input's language (AR, ZH, EN, FR, RU, ES; while the call is open) and
   * the rule on withdrawals after closure (REFUSED or CORRIGENDUM; at any time).
   */
  @PutMapping("/{id}/document")
  CallView configure(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String id,
      @RequestBody DocumentSettings body) {
    return CallView.of(
        processes
            .configureDocument(actor, id, body.language(), body.withdrawalAfterClosure())
            .call());
  }

  @GetMapping("/{id}/extensions/{agency}")
  ExtensionView extension(@PathVariable String id, @PathVariable String agency) {
    return processes.find(id).extensions().stream()
        .filter(e -> e.agency().equals(agency))
        .findFirst()
        .map(ExtensionView::of)
        .orElseThrow(
            () ->
                RuleViolation.notFound(
                    Reasons.NOT_FOUND, "no extension for " + agency + " in the call " + id));
  }

  @Operation(
      summary = "Calls for inputs, filtered and paged",
      description =
          "Any authenticated caller. Ordered by deadline (the nearest first), then id. An unknown"
              + " parameter is 400 unknown-parameter, a bad value 400 invalid-parameter, each"
              + " naming the parameter.")
  @GetMapping
  PageResponse<CallView> all(
      @Parameter(description = "OPEN or CLOSED", schema = @Schema(implementation = CallState.class))
          @RequestParam(name = "status", required = false)
          String status,
      @Parameter(
              description = "Zero-based page number",
              schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
          @RequestParam(name = "page", required = false)
          String page,
      @Parameter(
              description = "Page size",
              schema =
                  @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
          @RequestParam(name = "size", required = false)
          String size) {
    PageRequest request = PageRequest.of(page, size);
    CallState state = QueryParameters.oneOf("status", CallState.class, status);
    return request
        .slice(
            processes.all().stream()
                .filter(call -> state == null || call.state() == state)
                .sorted(BY_DEADLINE)
                .toList())
        .map(CallView::of);
  }

  @GetMapping("/{id}")
  CallView one(@PathVariable String id) {
    return CallView.of(processes.find(id));
  }
}
