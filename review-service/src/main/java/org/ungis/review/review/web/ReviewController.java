package org.ungis.review.review.web;

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
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.review.queue.QueueFilter;
import org.ungis.review.queue.QueueStatus;
import org.ungis.review.queue.ReviewQueue;
import org.ungis.review.review.Approval;
import org.ungis.review.review.HistoryEntry;
import org.ungis.review.review.ReviewCommands;
import org.ungis.review.review.ReviewDecision;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.review.Verdict;
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
 * The review queue and the decisions of the chair and vice-chairs. Every endpoint takes the acting
 * {@link Actor}, so every one of them is for reviewers only (see {@code CurrentActor}).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "UNGIS review-service: calls for inputs and their review",
            version = "v1",
            description =
                "The chair and vice-chairs of the United Nations Group on the Information Society"
                    + " open, extend and close calls for inputs, read the review queue and decide"
                    + " on contributions (approve, reject, request changes); any member reads the"
                    + " calls. Conventions (paging, filters, errors, idempotency, versioning):"
                    + " docs/api.md."))
@SecurityScheme(
    name = CurrentActor.BEARER,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "A client-credentials access token of the platform's authorization server")
@Tag(
    name = "reviews",
    description =
        "The review queue and the decisions of the chair and vice-chairs (a reviewer's token).")
@SecurityRequirement(name = CurrentActor.BEARER)
@RestController
@RequestMapping("/api/v1/reviews")
class ReviewController {

  record Decide(Integer revision, String decision, String comment) {}

  record Reviewer(String agency, String principal, String role) {}

  record QueueEntry(
      String contributionId,
      String agency,
      String processId,
      int revision,
      String title,
      String summary,
      Instant submittedAt,
      String status,
      String outcome,
      List<String> approvals,
      Instant deadline) {
    static QueueEntry of(ReviewQueue.QueuedItem queued) {
      return of(queued.item(), queued.deadline());
    }

    static QueueEntry of(ReviewItem item) {
      return of(item, null);
    }

    static QueueEntry of(ReviewItem item, Instant deadline) {
      return new QueueEntry(
          item.contributionId(),
          item.agency(),
          item.processId(),
          item.revision(),
          item.title(),
          item.summary(),
          item.submittedAt(),
          item.status().name(),
          item.round().outcome() == null ? null : item.round().outcome().name(),
          item.round().approvals().stream().map(Approval::agency).toList(),
          deadline);
    }
  }

  record DecisionView(
      String id,
      String contributionId,
      String processId,
      int revision,
      String decision,
      String comment,
      String outcome,
      Reviewer reviewer,
      Instant decidedAt,
      boolean refused,
      String reason,
      String message,
      boolean stale) {

    static DecisionView of(String id, ReviewDecision d) {
      return new DecisionView(
          id,
          d.contributionId(),
          d.processId(),
          d.revision(),
          d.decision().name(),
          d.comment(),
          d.outcome() == null ? null : d.outcome().name(),
          new Reviewer(d.reviewer().agency(), d.reviewer().principal(), d.role().name()),
          d.at(),
          false,
          null,
          null,
          false);
    }

    static DecisionView of(ReviewItem item, HistoryEntry h) {
      return new DecisionView(
          h.eventId(),
          item.contributionId(),
          item.processId(),
          h.revision(),
          h.decision() == null ? null : h.decision().name(),
          h.comment(),
          h.outcome() == null ? null : h.outcome().name(),
          new Reviewer(h.agency(), h.principal(), h.role()),
          h.at(),
          h.refused(),
          h.reason(),
          h.message(),
          item.isStale(h));
    }
  }

  private final ReviewCommands reviews;
  private final ReviewQueue queue;

  ReviewController(ReviewCommands reviews, ReviewQueue queue) {
    this.reviews = reviews;
    this.queue = queue;
  }

  /** Reviewers only (resolving the {@link Actor} refuses other tokens with 403). */
  @Operation(
      summary = "The review queue, filtered and paged",
      description =
          "Ordered by the nearest deadline first (the call's deadline for the item's agency,"
              + " with its extension), then the submission time of the current revision, then"
              + " the contribution id. status PENDING (default: the current revision awaits an"
              + " outcome) or DECIDED. An unknown parameter is 400 unknown-parameter, a bad"
              + " value 400 invalid-parameter, each naming the parameter.")
  @GetMapping
  PageResponse<QueueEntry> queue(
      @Parameter(hidden = true) Actor reviewer,
      @Parameter(description = "Call for inputs id, e.g. gdc-2023")
          @RequestParam(name = "process", required = false)
          String process,
      @Parameter(description = "Agency code of the contribution, e.g. ITU")
          @RequestParam(name = "agency", required = false)
          String agency,
      @Parameter(
              description = "PENDING (default) or DECIDED",
              schema = @Schema(implementation = QueueStatus.class, defaultValue = "PENDING"))
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
    var filter =
        new QueueFilter(
            QueryParameters.text("process", process, 64),
            QueryParameters.code("agency", agency),
            QueryParameters.oneOf("status", QueueStatus.class, status));
    ReviewQueue.Slice slice = queue.queue(filter, request.offset(), request.size());
    return PageResponse.of(
        slice.items().stream().map(QueueEntry::of).toList(), request, slice.total());
  }

  /**
   * One entry; with {@code revision}, waits (bounded) until the view has at least that revision,
   * for a client that has just revised through contributions-service.
   */
  @GetMapping("/{contributionId}")
  QueueEntry item(
      @Parameter(hidden = true) Actor reviewer,
      @PathVariable String contributionId,
      @RequestParam(name = "revision", required = false) Integer revision) {
    return QueueEntry.of(
        revision == null ? reviews.item(contributionId) : reviews.item(contributionId, revision));
  }

  @PostMapping("/{contributionId}/decisions")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<DecisionView> decide(
      @Parameter(hidden = true) Actor actor,
      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
      @PathVariable String contributionId,
      @RequestBody Decide body) {
    var request =
        Idempotency.of(
            actor, key, "POST", "/api/v1/reviews/" + contributionId + "/decisions", body);
    Verdict verdict = BadRequestException.oneOf("decision", Verdict.class, body.decision());
    var recorded =
        reviews.decide(actor, contributionId, body.revision(), verdict, body.comment(), request);
    return Idempotency.replayed(
            ResponseEntity.created(
                URI.create(
                    "/api/v1/reviews/" + contributionId + "/decisions/" + recorded.eventId())),
            recorded.replayed())
        .body(DecisionView.of(recorded.eventId(), recorded.decision()));
  }

  /** Every decision and refused attempt on a contribution, oldest first. */
  @GetMapping("/{contributionId}/decisions")
  List<DecisionView> history(
      @Parameter(hidden = true) Actor reviewer, @PathVariable String contributionId) {
    ReviewItem item = reviews.item(contributionId);
    return item.history().stream().map(h -> DecisionView.of(item, h)).toList();
  }

  @GetMapping("/{contributionId}/decisions/{id}")
  DecisionView decision(
      @Parameter(hidden = true) Actor reviewer,
      @PathVariable String contributionId,
      @PathVariable String id) {
    ReviewItem item = reviews.item(contributionId);
    return item.history().stream()
        .filter(h -> h.eventId().equals(id))
        .findFirst()
        .map(h -> DecisionView.of(item, h))
        .orElseThrow(
            () ->
                RuleViolation.notFound(
                    Reasons.NOT_FOUND, "no decision " + id + " on " + contributionId));
  }
}
