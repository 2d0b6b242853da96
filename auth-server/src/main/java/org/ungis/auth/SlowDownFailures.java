package org.ungis.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down guessing at the two doors of the server: client authentication at the token endpoint
 * and people's sign-in form. Before the credentials are checked, a principal that has failed too
 * often from this address ({@link FailedAttempts}) is answered {@code 429} with {@code
 * Retry-After}; after the check, the outcome (a {@code 401}, or a sign-in sent back with {@code
 * ?error}) is recorded.
 */
final class SlowDownFailures extends OncePerRequestFilter {

  static final String TOKEN_PATH = "/oauth2/token";
  static final String SIGN_IN_PATH = "/login";

  private final FailedAttempts attempts;

  SlowDownFailures(FailedAttempts attempts) {
    this.attempts = attempts;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod())
        || !(TOKEN_PATH.equals(request.getServletPath())
            || SIGN_IN_PATH.equals(request.getServletPath()));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean token = TOKEN_PATH.equals(request.getServletPath());
    String principal = token ? clientId(request) : request.getParameter("username");
    if (principal == null || principal.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    var key =
        new FailedAttempts.Key(
            principal.strip().toLowerCase(Locale.ROOT), String.valueOf(request.getRemoteAddr()));
    Duration wait = attempts.waitFor(key);
    if (!wait.isZero()) {
      long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
      response.setStatus(429);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      response.setContentType("text/plain;charset=UTF-8");
      response.getWriter().write("Too many failed attempts: try again in " + seconds + " s.");
      return;
    }
    chain.doFilter(request, response);
    if (failed(token, response)) {
      attempts.failed(key, token ? "client authentication" : "sign-in");
    } else if (succeeded(token, response)) {
      attempts.succeeded(key);
    }
  }

  /** A token issued, or a sign-in that goes on (anything else, e.g. a refused form, counts not). */
  private static boolean succeeded(boolean token, HttpServletResponse response) {
    if (token) {
      return response.getStatus() == HttpServletResponse.SC_OK;
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    return response.getStatus() == HttpServletResponse.SC_FOUND
        && location != null
        && !location.contains("?error");
  }

  private static boolean failed(boolean token, HttpServletResponse response) {
    if (token) {
      return response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED;
    }
    String location = response.getHeader(HttpHeaders.LOCATION);
    return location != null && location.contains("?error");
  }

  /** The client id of HTTP Basic or of the form's {@code client_id}. */
  private static String clientId(HttpServletRequest request) {
    String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      try {
        String decoded =
            new String(
                Base64.getDecoder().decode(authorization.substring(6).strip()),
                StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0
            ? decoded
            : URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return request.getParameter("client_id");
  }
}
