package org.ungis.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers {@code 401} and {@code 403} as RFC 9457 {@code application/problem+json} with a stable
 * {@code type}, after the bearer-token handlers of Spring Security have set the status and the RFC
 * 6750 {@code WWW-Authenticate} header.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  static final String UNAUTHORIZED_TYPE = "https://ungis.org/problems/unauthorized";
  static final String FORBIDDEN_TYPE = "https://ungis.org/problems/forbidden";
  static final String UNAVAILABLE_TYPE = "https://ungis.org/problems/unavailable";

  private final BearerTokenAuthenticationEntryPoint entryPoint =
      new BearerTokenAuthenticationEntryPoint();
  private final BearerTokenAccessDeniedHandler accessDenied = new BearerTokenAccessDeniedHandler();

  ProblemResponses(String realm) {
    entryPoint.setRealmName(realm);
    accessDenied.setRealmName(realm);
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    entryPoint.commence(request, response, failure);
    write(request, response, UNAUTHORIZED_TYPE, "Unauthorized", detail(failure));
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    accessDenied.handle(request, response, denied);
    write(
        request,
        response,
        FORBIDDEN_TYPE,
        "Forbidden",
        "The token does not allow this request: " + denied.getMessage());
  }

  /** {@code 503}: the token could not be checked because the issuer's keys are unreachable. */
  void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
    response.setHeader("Retry-After", "5");
    write(
        request,
        response,
        UNAVAILABLE_TYPE,
        "Service Unavailable",
        "The token cannot be checked now: the authorization server's keys are unreachable");
  }

  private static String detail(AuthenticationException failure) {
    if (failure instanceof OAuth2AuthenticationException oauth) {
      OAuth2Error error = oauth.getError();
      if (error.getDescription() != null) {
        return error.getDescription();
      }
      return error.getErrorCode();
    }
    return "A valid bearer token is required (Authorization: Bearer <token>)";
  }

  private static void write(
      HttpServletRequest request,
      HttpServletResponse response,
      String type,
      String title,
      String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type);
    problem.put("title", title);
    problem.put("status", response.getStatus());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JsonMapper.shared().writeValue(response.getOutputStream(), problem);
  }
}
