package org.ungis.contributions.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.streams.state.HostInfo;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.routing.OwnerRouting;
import org.ungis.routing.RequestForwarder;
import org.ungis.security.AuthenticatedActor;

/**
 * Sends every request about one contribution to the instance that owns it ({@link OwnerRouting}):
 * {@code /api/v1/contributions/{id}} and everything under it (read, revise, withdraw, history), and
 * a submission with an {@code Idempotency-Key} (its contribution's id is derived from the agency
 * and the key), so that the per-contribution lock, the idempotency check and read-your-writes all
 * happen where the contribution's view is. A submission without a key stays here (it gets an id
 * this instance owns) and the list is gathered from every instance by {@link RoutedViews}.
 *
 * <p>Runs after the security filter chain, so only authenticated requests are forwarded, and the
 * owner checks the same token again. A body is read into memory (to forward it) only up to {@code
 * ungis.max-request-body}: a request that declares or turns out a longer one is answered 413 {@code
 * payload-too-large}.
 */
final class ContributionRouting implements HandlerInterceptor {

  static final String SUBMISSIONS = "/api/v1/contributions";
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final ContributionOwners owners;
  private final OwnerRouting routing;

  ContributionRouting(ContributionOwners owners, RequestForwarder forwarder) {
    this.owners = owners;
    this.routing = new OwnerRouting(owners, forwarder, "contribution");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws Exception {
    if (!owners.routing()) {
      return true;
    }
    if (!routing.withinLimit(request, response)) {
      return false;
    }
    String id = contributionId(request);
    if (id == null) {
      return submissionElsewhere(request, response);
    }
    return routing.serveHere(request, response, id);
  }

  /**
   * A submission without a key gets an id that the receiving instance owns ({@link
   * ContributionOwners#newContributionId}); an instance that owns no partition (more instances than
   * partitions, or between assignments) hands it to one that does. Returns whether to go on here.
   */
  private boolean submissionElsewhere(HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (!isSubmission(request)
        || request.getHeader(RequestForwarder.FORWARDED) != null
        || !owners.localPartitions().isEmpty()) {
      return true;
    }
    List<HostInfo> peers = owners.peers();
    if (peers.isEmpty()) {
      return true;
    }
    routing.forwardTo(
        peers.get(ThreadLocalRandom.current().nextInt(peers.size())), request, response);
    return false;
  }

  static boolean isSubmission(HttpServletRequest request) {
    return HttpMethod.POST.matches(request.getMethod())
        && SUBMISSIONS.equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  /** The id of the contribution a request is about, or null when it is about none in particular. */
  static String contributionId(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map && map.get("id") instanceof String id) {
      return id;
    }
    if (isSubmission(request)) {
      String key = request.getHeader(IDEMPOTENCY_KEY);
      if (key == null || key.isBlank() || key.length() > 255) {
        return null; // not keyed, or refused the same way by every instance
      }
      AuthenticatedActor actor;
      try {
        actor = AuthenticatedActor.current();
      } catch (RuntimeException e) {
        return null;
      }
      // The same agency code the service derives the id from (web/CurrentActor).
      return IdempotentRequest.contributionIdFor(
          actor.agency().trim().toUpperCase(Locale.ROOT), key);
    }
    return null;
  }
}
