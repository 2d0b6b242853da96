package org.ungis.review.web;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;
import org.ungis.security.AuthenticatedActor;

/**
 * The one place that knows who is acting: resolves every {@link Actor} parameter of a controller
 * method from the verified bearer token (claims {@code agency}, {@code principal}, {@code roles},
 * through platform-security). No header and no body field says who acts. A request without a valid
 * token never gets here: the security filter chain answers it with {@code 401}.
 *
 * <p>In this service every actor is a reviewer: a token without the role {@code REVIEWER} (an
 * agency's intake client) is refused with {@code 403 forbidden}, reason {@code NOT_A_REVIEWER},
 * before the request body is read; so an endpoint that declares an {@link Actor} parameter is for
 * reviewers only. Whether the reviewer's agency chairs or vice-chairs the period of the decision
 * instant is checked later, against the rota, by the workflow (and audited there).
 */
@Component
public class CurrentActor implements HandlerMethodArgumentResolver {

  private final Rota rota;

  CurrentActor(Rota rota) {
    this.rota = rota;
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
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == Actor.class;
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    AuthenticatedActor token = AuthenticatedActor.current();
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
    return new Actor(token.agency(), token.principal());
  }
}
