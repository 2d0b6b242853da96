package org.ungis.security;

import java.util.Objects;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves a service's own type of acting person (its domain's {@code Actor}) for every controller
 * method parameter of that type, from the verified bearer token and nothing else: no header and no
 * body field says who acts. A request without a valid token never gets here (the security filter
 * chain answers it with {@code 401}); should one, it is refused with an {@code
 * AuthenticationException} ({@code 401}) as well.
 *
 * <p>A service declares one as a bean (e.g. a {@code @Component}) and says only how a token becomes
 * its actor ({@link #resolve}); the platform registers it with Spring MVC.
 *
 * @param <A> the service's actor type
 */
public abstract class ActorArgumentResolver<A> implements HandlerMethodArgumentResolver {

  private final Class<A> type;
  private final ActorJwtConverter claims;

  protected ActorArgumentResolver(Class<A> type) {
    this(type, ActorJwtConverter.DEFAULT_CLAIMS);
  }

  ActorArgumentResolver(Class<A> type, ActorJwtConverter claims) {
    this.type = Objects.requireNonNull(type, "type");
    this.claims = Objects.requireNonNull(claims, "claims");
  }

  /**
   * The service's actor for the verified token of this request.
   *
   * @param token who the token says acts
   * @param request the request, e.g. to tell a read from a write
   */
  protected abstract A resolve(AuthenticatedActor token, NativeWebRequest request);

  @Override
  public final boolean supportsParameter(MethodParameter parameter) {
    return type.equals(parameter.getParameterType());
  }

  @Override
  public final A resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest request,
      WebDataBinderFactory binderFactory) {
    return resolve(CurrentActor.require(claims), request);
  }
}
