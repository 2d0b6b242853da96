package org.ungis.review.queue.routing;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.review.queue.QueueFilter;
import org.ungis.review.queue.QueueStatus;
import org.ungis.review.rules.Actor;
import org.ungis.routing.RoutingProblems;

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
  void share(
      Actor reviewer,
      @RequestParam(name = "process", required = false) String process,
      @RequestParam(name = "agency", required = false) String agency,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "limit", required = false) String limit,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    QueueStatus wanted;
    int most;
    try {
      wanted = QueueStatus.valueOf(status == null ? "" : status);
      most = Integer.parseInt(limit == null ? "" : limit);
    } catch (IllegalArgumentException e) {
      RoutingProblems.invalid(
          response, request.getRequestURI(), "status must be a queue status and limit a number");
      return;
    }
    var filter = new QueueFilter(process, agency, wanted);
    byte[] body = RoutedReviewQueue.CODEC.encode(queue.localShare(filter, Math.max(0, most)));
    response.setStatus(200);
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
