package org.ungis.contributions.contribution.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Locale;
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
import org.ungis.contributions.contribution.ActionLine;
import org.ungis.contributions.contribution.Actor;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.ContributionOrder;
import org.ungis.contributions.contribution.ContributionQuery;
import org.ungis.contributions.contribution.ContributionService;
import org.ungis.contributions.contribution.ContributionStatus;
import org.ungis.contributions.contribution.Language;
import org.ungis.contributions.contribution.Refusal;
import org.ungis.contributions.contribution.RefusedException;
import org.ungis.web.InvalidParameterException;
import org.ungis.web.PageRequest;
import org.ungis.web.PageResponse;
import org.ungis.web.QueryParameters;

/**
 * The intake API: agencies submit, revise, withdraw and read their own contributions; reviewers
 * read every contribution. Who acts comes from the bearer token only ({@link CurrentActor}).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "UNGIS contributions-service: the intake API",
            version = "v1",
            description =
                "Member agencies of the United Nations Group on the Information Society submit"
                    + " their inputs to calls for inputs, revise them when the chair requests"
                    + " changes and withdraw them; reviewers read every contribution and its audit"
                    + " trail. Conventions (paging, filters, errors, ETags, idempotency,"
                    + " versioning): docs/api.md."))
@Tag(
    name = "contributions",
    description =
        "Intake of member agencies' inputs. Every request needs an OAuth2 bearer token (role"
            + " AGENCY for intake; AGENCY of the owning agency or REVIEWER for reads); 401 without"
            + " a valid token, 403 otherwise. Errors are application/problem+json.")
@SecurityScheme(
    name = ContributionController.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "A client-credentials access token of the platform's authorization server")
@SecurityRequirement(name = ContributionController.BEARER)
@RestController
@RequestMapping("/api/v1/contributions")
class ContributionController {

  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final String BEARER = "bearer";

  /** The values of {@code sort}. */
  static final String SORT_SUBMITTED = "submittedAt";

  static final String SORT_UPDATED = "-updatedAt";

  /** The longest text search ({@code q}). */
  static final int MAX_TEXT = 200;

  private final ContributionService service;

  ContributionController(ContributionService service) {
    this.service = service;
  }

  @Operation(
      summary = "Submit a contribution to an open call for inputs",
      description =
          "201 once the event is durable in Kafka (acks=all); a GET of it on this service that"
              + " follows waits until the view shows it. 400 validation, 401 no"
              + " valid token, 403 not an AGENCY token / unknown-agency, 409 call-closed, 422 unknown-process /"
              + " deadline-passed / idempotency-key-reused, 503 unavailable. A retry with the"
              + " same Idempotency-Key returns the original contribution.")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<ContributionResponse> submit(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @RequestBody ContributionRequest request) {
    var submission = service.submit(actor, request.processId(), request.draft(), idempotencyKey);
    Contribution c = submission.contribution();
    var response =
        ResponseEntity.created(URI.create("/api/v1/contributions/" + c.id())).eTag(etag(c));
    if (submission.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(ContributionResponse.of(c));
  }

  @Operation(
      summary = "A contribution: status, current revision and text, every decision",
      description = "Its own agency and reviewers; 403 for another agency.")
  @GetMapping("/{id}")
  ResponseEntity<ContributionResponse> get(
      @Parameter(hidden = true) Actor actor, @PathVariable String id) {
    Contribution c = service.get(actor, id);
    return ResponseEntity.ok().eTag(etag(c)).body(ContributionResponse.of(c));
  }

  @Operation(
      summary = "The audit trail of a contribution, oldest first",
      description =
          "Submission, revisions (with note), recorded and refused review decisions, withdrawal;"
              + " each with actor, role, time and event id. Its own agency and reviewers; 403"
              + " for another agency.")
  @GetMapping("/{id}/history")
  HistoryResponse history(@Parameter(hidden = true) Actor actor, @PathVariable String id) {
    return HistoryResponse.of(service.get(actor, id));
  }

  @Operation(
      // Not the method's name: "list" is a reserved word of generated Java clients ("callList").
      operationId = "listContributions",
      summary =
          "Contributions, filtered and paged; ordered by submission time, then id, or by the"
              + " latest change first (sort=-updatedAt)",
      description =
          "Reviewers see every contribution; an agency sees only its own (agency defaults to"
              + " it; naming another agency is 403). Every filter is optional and they combine"
              + " (AND). An unknown parameter is 400 unknown-parameter, a bad value 400"
              + " invalid-parameter, each naming the parameter. A list of one agency (with or"
              + " without process) costs the page it reads, not every contribution.")
  @GetMapping
  PageResponse<ContributionResponse> list(
      @Parameter(hidden = true) Actor actor,
      @Parameter(description = "Agency code, e.g. ITU") @RequestParam(required = false)
          String agency,
      @Parameter(description = "Call for inputs id, e.g. gdc-2023") @RequestParam(required = false)
          String process,
      @Parameter(
              description = "SUBMITTED, CHANGES_REQUESTED, APPROVED, REJECTED or WITHDRAWN",
              schema = @Schema(implementation = ContributionStatus.class))
          @RequestParam(required = false)
          String status,
      @Parameter(
              description = "Language of the current revision: AR, ZH, EN, FR, RU or ES",
              schema = @Schema(implementation = Language.class))
          @RequestParam(required = false)
          String language,
      @Parameter(
              description = "A Sustainable Development Goal the contribution names",
              schema = @Schema(type = "integer", minimum = "1", maximum = "17"))
          @RequestParam(required = false)
          String sdg,
      @Parameter(
              description = "A WSIS action line the contribution names, C1 to C11",
              schema = @Schema(implementation = ActionLine.class))
          @RequestParam(required = false)
          String actionLine,
      @Parameter(
              description =
                  "Text that the title or the summary contains, ignoring case (at most 200"
                      + " characters)")
          @RequestParam(required = false)
          String q,
      @Parameter(
              description =
                  "The order: submittedAt (the default: the oldest submission first) or"
                      + " -updatedAt (the latest change first: submission, revision, decision or"
                      + " withdrawal); then the id",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {SORT_SUBMITTED, SORT_UPDATED},
                      defaultValue = SORT_SUBMITTED))
          @RequestParam(required = false)
          String sort,
      @Parameter(
              description = "Zero-based page number",
              schema = @Schema(type = "integer", minimum = "0", defaultValue = "0"))
          @RequestParam(required = false)
          String page,
      @Parameter(
              description = "Page size",
              schema =
                  @Schema(type = "integer", minimum = "1", maximum = "100", defaultValue = "20"))
          @RequestParam(required = false)
          String size) {
    PageRequest request = PageRequest.of(page, size);
    var filter =
        new ContributionFilter(
            QueryParameters.code("agency", agency),
            QueryParameters.text("process", process, 64),
            QueryParameters.oneOf("status", ContributionStatus.class, status),
            QueryParameters.oneOf("language", Language.class, language),
            QueryParameters.integer("sdg", sdg, 1, 17),
            QueryParameters.oneOf("actionLine", ActionLine.class, actionLine),
            QueryParameters.text("q", q, MAX_TEXT));
    var found =
        service.list(
            actor, new ContributionQuery(filter, request.page(), request.size(), order(sort)));
    return PageResponse.of(
        found.items().stream().map(ContributionResponse::of).toList(),
        request,
        found.totalElements());
  }

  @Operation(
      summary = "Revise a contribution (new revision)",
      description =
          "Allowed while SUBMITTED or CHANGES_REQUESTED and the call is open; owner only."
              + " If-Match: \"n\" (or expectedRevision) guards against concurrent changes: 409"
              + " stale-revision.")
  @PutMapping("/{id}")
  ResponseEntity<ContributionResponse> revise(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String id,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      @RequestBody ContributionRequest request) {
    Integer expected = expectedRevision(ifMatch, request.expectedRevision());
    Contribution c =
        service.revise(
            actor, id, blankToNull(request.processId()), request.draft(), request.note(), expected);
    return ResponseEntity.ok().eTag(etag(c)).body(ContributionResponse.of(c));
  }

  @Operation(
      summary = "Withdraw a contribution with a reason",
      description = "Allowed from SUBMITTED, CHANGES_REQUESTED and APPROVED; owner only.")
  @PostMapping("/{id}/withdrawal")
  ResponseEntity<ContributionResponse> withdraw(
      @Parameter(hidden = true) Actor actor,
      @PathVariable String id,
      @RequestBody WithdrawalRequest request) {
    Contribution c = service.withdraw(actor, id, request.reason());
    return ResponseEntity.ok().eTag(etag(c)).body(ContributionResponse.of(c));
  }

  /** The order a {@code sort} value names; the default when absent. */
  static ContributionOrder order(String sort) {
    if (sort == null || sort.isBlank()) {
      return ContributionOrder.SUBMITTED;
    }
    return switch (sort.strip().toLowerCase(Locale.ROOT)) {
      case "submittedat" -> ContributionOrder.SUBMITTED;
      case "-updatedat" -> ContributionOrder.RECENTLY_UPDATED;
      default ->
          throw InvalidParameterException.invalid(
              "sort", "must be one of " + SORT_SUBMITTED + ", " + SORT_UPDATED);
    };
  }

  private static String etag(Contribution c) {
    return "\"" + c.revision() + "\"";
  }

  /** The expected revision from {@code If-Match: "3"} (or W/"3", or 3) or the body field. */
  static Integer expectedRevision(String ifMatch, Integer fromBody) {
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
      return fromBody;
    }
    String value = ifMatch.trim();
    if (value.startsWith("W/")) {
      value = value.substring(2);
    }
    value = value.replace("\"", "");
    try {
      int revision = Integer.parseInt(value);
      if (fromBody != null && fromBody != revision) {
        throw new RefusedException(
            Refusal.VALIDATION, "If-Match and expectedRevision disagree", "expectedRevision");
      }
      return revision;
    } catch (NumberFormatException e) {
      throw new RefusedException(
          Refusal.VALIDATION, "If-Match must name a revision, e.g. \"2\"", "If-Match");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
