package org.ungis.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A failed client authentication at the token endpoint: {@code 401 invalid_client} (else {@code
 * 400}) with the OAuth2 error body, and, when the client used HTTP Basic, the {@code
 * WWW-Authenticate: Basic} header RFC 6749 section 5.2 asks for.
 */
final class ClientAuthenticationFailure implements AuthenticationFailureHandler {

  private final OAuth2ErrorHttpMessageConverter errors = new OAuth2ErrorHttpMessageConverter();

  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    SecurityContextHolder.clearContext();
    OAuth2Error error =
        failure instanceof OAuth2AuthenticationException oauth
            ? oauth.getError()
            : new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT);
    ServletServerHttpResponse http = new ServletServerHttpResponse(response);
    if (OAuth2ErrorCodes.INVALID_CLIENT.equals(error.getErrorCode())) {
      http.setStatusCode(HttpStatus.UNAUTHORIZED);
      String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
      if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
        http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"ungis\"");
      }
    } else {
      http.setStatusCode(HttpStatus.BAD_REQUEST);
    }
    errors.write(error, null, http);
  }
}
