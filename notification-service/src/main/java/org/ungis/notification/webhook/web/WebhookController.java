package org.ungis.notification.webhook.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.tags.Tag;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.notification.webhook.WebhookRegistry;
import org.ungis.security.AuthenticatedActor;
import org.ungis.web.Problems;

/**
 * Integrators register webhooks and read their delivery log; every call needs the {@code
 * webhooks.manage} scope, and an integrator sees only the subscriptions its principal registered.
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "UNGIS notification-service",
            version = "v1",
            description =
                "Webhook registrations of integrators and their delivery logs. Each delivery is a"
                    + " POST signed per Standard Webhooks (webhook-id, webhook-timestamp,"
                    + " webhook-signature); receivers dedupe by webhook-id."))
@Tag(
    name = "webhooks",
    description =
        "An integrator's endpoints and the event types it wants; every call needs a token with the"
            + " webhooks.manage scope (403 insufficient-scope otherwise). Errors are"
            + " application/problem+json with a stable type https://ungis.org/problems/<slug>.")
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

  static final String SCOPE = "SCOPE_webhooks.manage";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

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

  /**
   * A retry with the same {@code Idempotency-Key} and body answers the same registration (secret
   * included, with {@code Idempotent-Replayed: true}); the key with another body is a 422.
   */
  @Operation(
      summary = "Register an endpoint for some event types",
      description =
          "201 with Location, the id and the whsec_ signing secret (shown only here and to a retry"
              + " with the same Idempotency-Key). 400 invalid-webhook (not https, except http on a"
              + " loopback address; an unknown event type), 403 insufficient-scope, 422"
              + " idempotency-key-reused (the key with another body, or its webhook deleted).")
  @PostMapping
  ResponseEntity<Subscription> register(
      @RequestBody RegistrationRequest request,
      @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
      @Parameter(hidden = true) AuthenticatedActor actor) {
    requireScope();
    WebhookRegistry.Registration registration =
        registry.register(
            actor.agency(), actor.principal(), request.url(), request.eventTypes(), idempotencyKey);
    WebhookSubscriptionEvent event = registration.subscription();
    var response =
        ResponseEntity.created(URI.create("/api/v1/webhooks/" + event.getSubscriptionId()));
    if (registration.replayed()) {
      response.header("Idempotent-Replayed", "true");
    }
    return response.body(Subscription.of(event, true));
  }

  @Operation(summary = "The caller's webhooks (without their secrets)")
  @GetMapping
  List<Subscription> list(@Parameter(hidden = true) AuthenticatedActor actor) {
    requireScope();
    return registry.list(actor.principal()).stream().map(s -> Subscription.of(s, false)).toList();
  }

  @Operation(summary = "One of the caller's webhooks", description = "404 webhook-not-found.")
  @GetMapping("/{id}")
  Subscription one(@PathVariable String id, @Parameter(hidden = true) AuthenticatedActor actor) {
    requireScope();
    return registry
        .find(actor.principal(), id)
        .map(s -> Subscription.of(s, false))
        .orElseThrow(NotFoundException::new);
  }

  @Operation(
      summary = "Remove a webhook",
      description = "204; deliveries not yet made are dead-lettered. 404 webhook-not-found.")
  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(
      @PathVariable String id, @Parameter(hidden = true) AuthenticatedActor actor) {
    requireScope();
    if (!registry.delete(actor.agency(), actor.principal(), id)) {
      throw new NotFoundException();
    }
    return ResponseEntity.noContent().build();
  }

  @Operation(
      summary = "The delivery log of a webhook",
      description =
          "Per event: status (RETRYING, SENT, DEAD_LETTERED), attempts, next attempt, last error."
              + " 404 webhook-not-found.")
  @GetMapping("/{id}/deliveries")
  List<Delivery> deliveries(
      @PathVariable String id, @Parameter(hidden = true) AuthenticatedActor actor) {
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

  @ExceptionHandler(WebhookRegistry.IdempotencyKeyReusedException.class)
  ResponseEntity<ProblemDetail> keyReused(WebhookRegistry.IdempotencyKeyReusedException e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        "idempotency-key-reused",
        "Idempotency key reused",
        e.getMessage());
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
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(Problems.problem(status, slug, title, detail));
  }
}
