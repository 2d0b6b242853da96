package org.ungis.security;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves controller method parameters of type {@link AuthenticatedActor} from the verified token.
 * On a request without a token it throws an {@code AuthenticationException}, answered with {@code
 * 401} by the security filter chain.
 */
final class AuthenticatedActorArgumentResolver implements HandlerMethodArgumentResolver {

  private final ActorJwtConverter claims;

  AuthenticatedActorArgumentResolver(ActorJwtConverter claims) {
    this.claims = claims;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return AuthenticatedActor.class.equals(parameter.getParameterType());
  }

  @Override
  public Object resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    return CurrentActor.require(claims);
  }
}
