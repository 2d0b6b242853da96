package org.ungis.security;

import org.springframework.web.context.request.NativeWebRequest;

/**
 * Resolves controller method parameters of type {@link AuthenticatedActor} from the verified token.
 * On a request without a token it throws an {@code AuthenticationException}, answered with {@code
 * 401} by the security filter chain.
 */
final class AuthenticatedActorArgumentResolver extends ActorArgumentResolver<AuthenticatedActor> {

  AuthenticatedActorArgumentResolver(ActorJwtConverter claims) {
    super(AuthenticatedActor.class, claims);
  }

  @Override
  protected AuthenticatedActor resolve(AuthenticatedActor token, NativeWebRequest request) {
    return token;
  }
}
