package org.ungis.contributions.contribution.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.ungis.contributions.contribution.Actor;
import org.ungis.security.AuthenticatedActor;

/**
 * The one place that knows who is acting: resolves every {@link Actor} parameter of a controller
 * method from the verified bearer token (claims {@code agency}, {@code principal}, {@code roles},
 * through platform-security). Nothing else, no header and no body field, says who acts. A request
 * without a valid token never gets here: the security filter chain answers it with 401.
 */
@Component
class CurrentActor implements HandlerMethodArgumentResolver {

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return Actor.class.equals(parameter.getParameterType());
  }

  @Override
  public Actor resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    AuthenticatedActor actor = AuthenticatedActor.current();
    Set<Actor.Role> roles = EnumSet.noneOf(Actor.Role.class);
    if (actor.isAgency()) {
      roles.add(Actor.Role.AGENCY);
    }
    if (actor.isReviewer()) {
      roles.add(Actor.Role.REVIEWER);
    }
    return new Actor(
        actor.agency().trim().toUpperCase(Locale.ROOT), actor.principal().trim(), roles);
  }
}
