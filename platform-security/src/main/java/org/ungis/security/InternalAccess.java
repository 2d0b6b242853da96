package org.ungis.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * The internal endpoints ({@code ungis.security.internal.paths}, the shares of a list one instance
 * asks of the others) answer only the platform's own instances: a valid token (whose rules the
 * endpoint still applies) and the instances' shared secret in {@value #HEADER}. Without a
 * configured secret they answer nobody.
 */
final class InternalAccess implements AuthorizationManager<RequestAuthorizationContext> {

  /** The header of the secret; the same name as platform-routing's {@code INTERNAL}. */
  static final String HEADER = "X-Ungis-Internal";

  private final byte[] secret;
  private final AuthorizationManager<Object> authenticated =
      AuthenticatedAuthorizationManager.authenticated();

  InternalAccess(String secret) {
    this.secret =
        secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public AuthorizationResult authorize(
      Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
    AuthorizationResult signedIn = authenticated.authorize(authentication, context);
    if (signedIn == null || !signedIn.isGranted()) {
      return signedIn;
    }
    return new AuthorizationDecision(carriesSecret(context.getRequest()));
  }

  private boolean carriesSecret(HttpServletRequest request) {
    String presented = request.getHeader(HEADER);
    return secret != null
        && presented != null
        && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
  }
}
