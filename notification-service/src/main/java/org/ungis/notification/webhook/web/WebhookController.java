package org.ungis.notification.webhook.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.notification.webhook.WebhookRegistry;
import org.ungis.security.AuthenticatedActor;

/**
 * Integrators register webhooks and read their delivery log; every call needs the {@code
 * webhooks.manage} scope, and an integrator sees only the subscriptions its principal registered.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  static final String SCOPE = "SCOPE_webhooks.manage";
  static final String TYPE_BASE = "https://ungis.org/problems/";

  private final WebhookRegistry registry;

  WebhookController(WebhookRegistry registry) {
    this.registry = registry;
  }

  /**
   * @param url the endpoint: https, or http on a loopback address
   * @param eventTypes the event types to deliver
   */
  record RegistrationRequest(String url, List<String> eventTypes) {}

  /** A subscription; the secret is shown once, in the answer to its registration. */
  record Subscription(String id, String url, List<String> eventTypes, String secret) {
    static Subscription of(WebhookSubscriptionEvent event, boolean withSecret) {
      return new Subscription(
          event.getSubscriptionId(),
          event.getUrl(),
          event.getEventTypes(),
          withSecret ? event.getSecret() : null);
    }
  }

  /** The latest step of one delivery. */
  record Delivery(
      String webhookId,
      String eventType,
      String status,
      int attempts,
      Instant plannedAt,
      Instant lastStepAt,
      Instant nextAttemptAt,
      String lastError) {
    static Delivery of(NotificationEvent e) {
      return new Delivery(
          e.getSourceEventId(),
          e.getKind(),
          e.getStatus().name(),
          e.getAttempts(),
          e.getPlannedAt(),
          e.getOccurredAt(),
          e.getNextAttemptAt(),
          e.getLastError());
    }
  }

  static final class ForbiddenException extends RuntimeException {}

  static final class NotFoundException extends RuntimeException {}

  @PostMapping
  ResponseEntity<Subscription> register(
      @RequestBody RegistrationRequest request, AuthenticatedActor actor) {
    requireScope();
    WebhookSubscriptionEvent event =
        registry.register(actor.agency(), actor.principal(), request.url(), request.eventTypes());
    return ResponseEntity.created(URI.create("/api/v1/webhooks/" + event.getSubscriptionId()))
        .body(Subscription.of(event, true));
  }

  @GetMapping
  List<Subscription> list(AuthenticatedActor actor) {
    requireScope();
    return registry.list(actor.principal()).stream().map(s -> Subscription.of(s, false)).toList();
  }

  @GetMapping("/{id}")
  Subscription one(@PathVariable String id, AuthenticatedActor actor) {
    requireScope();
    return registry
        .find(actor.principal(), id)
        .map(s -> Subscription.of(s, false))
        .orElseThrow(NotFoundException::new);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable String id, AuthenticatedActor actor) {
    requireScope();
    if (!registry.delete(actor.agency(), actor.principal(), id)) {
      throw new NotFoundException();
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/deliveries")
  List<Delivery> deliveries(@PathVariable String id, AuthenticatedActor actor) {
    requireScope();
    registry.find(actor.principal(), id).orElseThrow(NotFoundException::new);
    return registry.deliveries(id).stream().map(Delivery::of).toList();
  }

  private static void requireScope() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null
        || authentication.getAuthorities().stream()
            .noneMatch(a -> SCOPE.equals(a.getAuthority()))) {
      throw new ForbiddenException();
    }
  }

  @ExceptionHandler(WebhookRegistry.InvalidRegistrationException.class)
  ResponseEntity<ProblemDetail> invalid(WebhookRegistry.InvalidRegistrationException e) {
    return problem(HttpStatus.BAD_REQUEST, "invalid-webhook", "Invalid webhook", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden() {
    return problem(
        HttpStatus.FORBIDDEN,
        "insufficient-scope",
        "Insufficient scope",
        "managing webhooks needs the webhooks.manage scope");
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ProblemDetail> notFound() {
    return problem(
        HttpStatus.NOT_FOUND,
        "webhook-not-found",
        "Webhook not found",
        "no webhook of this id is registered by you");
  }

  @ExceptionHandler(IllegalStateException.class)
  ResponseEntity<ProblemDetail> unavailable(IllegalStateException e) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-ready", "Not ready", e.getMessage());
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String slug, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + slug));
    problem.setTitle(title);
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
