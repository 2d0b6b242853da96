package org.ungis.review.routing;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.review.rules.Actor;
import org.ungis.review.workflow.QueueFilter;
import org.ungis.review.workflow.QueueStatus;

/**
 * Internal, between instances (not in the public OpenAPI description): this instance's share of the
 * review queue, for the instance that gathers the whole queue ({@link RoutedReviewQueue}). For
 * reviewers only, like the queue (resolving the {@link Actor} refuses other tokens).
 */
@Hidden
@RestController
class LocalQueueEndpoint {

  static final String PATH = "/internal/v1/reviews/local-queue";

  private final RoutedReviewQueue queue;

  LocalQueueEndpoint(RoutedReviewQueue queue) {
    this.queue = queue;
  }

  @GetMapping(PATH)
  ResponseEntity<byte[]> share(
      Actor reviewer,
      @RequestParam(name = "process", required = false) String process,
      @RequestParam(name = "agency", required = false) String agency,
      @RequestParam(name = "status") QueueStatus status,
      @RequestParam(name = "limit") int limit) {
    var filter = new QueueFilter(process, agency, status);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .body(RoutedReviewQueue.CODEC.encode(queue.localShare(filter, Math.max(0, limit))));
  }
}
