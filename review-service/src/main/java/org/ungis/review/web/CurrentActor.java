package org.ungis.review.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;
import org.ungis.security.ActorArgumentResolver;
import org.ungis.security.AuthenticatedActor;

/**
 * The one place that knows who is acting: resolves every {@link Actor} parameter of a controller
 * method from the verified bearer token (claims {@code agency}, {@code principal}, {@code roles},
 * through platform-security, which registers it). No header and no body field says who acts. A
 * request without a valid token never gets here: the security filter chain answers it with {@code
 * 401}.
 *
 * <p>In this service every actor is a reviewer: a token without the role {@code REVIEWER} (an
 * agency's intake client) is refused with {@code 403 forbidden}, reason {@code NOT_A_REVIEWER},
 * before the request body is read; so an endpoint that declares an {@link Actor} parameter is for
 * reviewers only. Whether the reviewer's agency chairs or vice-chairs the period of the decision
 * instant is checked later, against the rota, by the workflow (and audited there); a read (the
 * queue, an item, its decisions) is refused here, reason {@code NOT_ON_ROTA}, unless the reviewer's
 * agency is on the rota now.
 */
@Component
public class CurrentActor extends ActorArgumentResolver<Actor> {

  /** The OpenAPI security scheme: an OAuth2 bearer JWT. */
  public static final String BEARER = "bearer";

  private final Rota rota;
  private final Clock clock;

  CurrentActor(Rota rota, Clock clock) {
    super(Actor.class);
    this.rota = rota;
    this.clock = clock;
  }

  /**
   * Whether the current request's token carries the role {@code REVIEWER}; false without a valid
   * token. For the routing, which reads a new call's body (to find its id) only when the caller may
   * open a call at all: everyone else is refused here with 403 before the body is read.
   */
  public static boolean isReviewer() {
    try {
      return AuthenticatedActor.current().isReviewer();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  protected Actor resolve(AuthenticatedActor token, NativeWebRequest request) {
    if (!token.isReviewer()) {
      throw RuleViolation.forbidden(
          Reasons.NOT_A_REVIEWER,
          "only reviewers (a token with the role "
              + AuthenticatedActor.REVIEWER
              + ") may do this; the token of "
              + token.principal()
              + " has the roles "
              + token.roles().stream().sorted().toList());
    }
    if (!rota.isMember(token.agency())) {
      throw new UnknownAgencyException(token.agency());
    }
    Actor actor = new Actor(token.agency(), token.principal());
    if (isRead(request)) {
      // The queue and the drafts in it are for the reviewers of the current period only; a
      // reviewer of a past period reads what everyone reads (calls, published records).
      rota.requireReviewer(actor, clock.instant());
    }
    return actor;
  }

  private static boolean isRead(NativeWebRequest request) {
    HttpServletRequest http =
        request == null ? null : request.getNativeRequest(HttpServletRequest.class);
    return http != null && HttpMethod.GET.matches(http.getMethod());
  }
}
