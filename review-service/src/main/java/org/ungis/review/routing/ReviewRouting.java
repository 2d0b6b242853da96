package org.ungis.review.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.ungis.review.messaging.CallOwners;
import org.ungis.review.messaging.ItemOwners;
import org.ungis.review.messaging.ViewJson;
import org.ungis.review.web.CurrentActor;
import org.ungis.routing.CachedBodyRequest;
import org.ungis.routing.OwnerRouting;
import org.ungis.routing.RequestForwarder;
import tools.jackson.core.JacksonException;

/**
 * Sends every request about one contribution's review item to the instance that owns the
 * contribution's partition (read, long-poll, decide, history), and every request about one call
 * (open, extend, close, read) to the instance that owns the process id's partition, so that the
 * per-key lock, the idempotency check and read-your-writes happen where the view is. The owner's
 * answer goes back as is; while the owner is unknown the answer is 503 {@code unavailable}. The
 * lists are gathered by {@link org.ungis.review.queue.routing.RoutedReviewQueue} (queue) or read
 * from the replica of every call.
 *
 * <p>A servlet filter, not an interceptor, because a new call's id is in the request body, which
 * must stay readable for the controller. Registered after the security filter chain (the default
 * order), so only authenticated requests are forwarded, and the owner checks the same token again.
 * A body is read into memory only up to {@code ungis.review.max-request-body} (413 {@code
 * payload-too-large} beyond it), and a new call's body only for a reviewer (anyone else is refused
 * 403 by the controller without it being read). Without {@code application.server} it does nothing.
 */
@Component
class ReviewRouting extends OncePerRequestFilter {

  /** Only the call's id of a new-call body. */
  record NewCall(Object id) {}

  private final OwnerRouting items;
  private final OwnerRouting calls;

  ReviewRouting(ItemOwners itemOwners, CallOwners callOwners, RequestForwarder forwarder) {
    this.items = new OwnerRouting(itemOwners, forwarder, "contribution");
    this.calls = new OwnerRouting(callOwners, forwarder, "call for inputs");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !items.owners().routing();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!items.withinLimit(request, response)) {
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    RouteKey route = RouteKey.of(request.getMethod(), path);
    HttpServletRequest served = request;
    boolean here =
        switch (route.kind()) {
          case ITEM -> items.serveHere(request, response, route.key());
          case CALL -> calls.serveHere(request, response, route.key());
          case NEW_CALL -> {
            if (!CurrentActor.isReviewer()) {
              // Refused here as on any instance (403 NOT_A_REVIEWER), before the body is read.
              yield true;
            }
            CachedBodyRequest cached = calls.withBody(request, response);
            if (cached == null) {
              yield false; // 413
            }
            served = cached;
            String id = newCallId(cached.body());
            yield id == null || calls.serveHere(cached, response, id);
          }
          case NONE -> true;
        };
    if (here) {
      chain.doFilter(served, response);
    }
  }

  /** The id of the call a body opens, or null (the controller refuses such a body with 400). */
  static String newCallId(byte[] body) {
    try {
      return ViewJson.MAPPER.readValue(body, NewCall.class).id() instanceof String id ? id : null;
    } catch (JacksonException | IllegalArgumentException e) {
      return null;
    }
  }
}
