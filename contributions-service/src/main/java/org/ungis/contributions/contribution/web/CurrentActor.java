package org.ungis.contributions.contribution.web;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.NativeWebRequest;
import org.ungis.contributions.contribution.Actor;
import org.ungis.security.ActorArgumentResolver;
import org.ungis.security.AuthenticatedActor;

/**
 * The one place that knows who is acting: resolves every {@link Actor} parameter of a controller
 * method from the verified bearer token (claims {@code agency}, {@code principal}, {@code roles},
 * through platform-security, which registers it). Nothing else, no header and no body field, says
 * who acts. A request without a valid token never gets here: the security filter chain answers it
 * with 401.
 */
@Component
class CurrentActor extends ActorArgumentResolver<Actor> {

  CurrentActor() {
    super(Actor.class);
  }

  @Override
  protected Actor resolve(AuthenticatedActor token, NativeWebRequest request) {
    Set<Actor.Role> roles = EnumSet.noneOf(Actor.Role.class);
    if (token.isAgency()) {
      roles.add(Actor.Role.AGENCY);
    }
    if (token.isReviewer()) {
      roles.add(Actor.Role.REVIEWER);
    }
    return new Actor(
        token.agency().trim().toUpperCase(Locale.ROOT), token.principal().trim(), roles);
  }
}
