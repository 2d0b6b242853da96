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
 * often from this address ({@link FailedAttempts}) is answered {@code 429} with {@code Retry-After}
 * and a problem+json body at the token endpoint, and sent back to the sign-in page, which says in
 * the person's language how long to wait; after the check, the outcome (a {@code 401}, or a sign-in
 * sent back with {@code ?error}) is recorded.
 */
final class SlowDownFailures extends OncePerRequestFilter {

  static final String TOKEN_PATH = "/oauth2/token";
  static final String SIGN_IN_PATH = "/login";
  static final String TOO_MANY_ATTEMPTS = "https://ungis.org/problems/too-many-attempts";

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
      if (token) {
        tooManyAttempts(response, seconds);
      } else {
        SignInFailure.backToSignIn(
            request, response, SignInController.WAIT_PARAMETER + "=" + seconds);
      }
      return;
    }
    chain.doFilter(request, response);
    if (failed(token, response)) {
      attempts.failed(key, token ? "client authentication" : "sign-in");
    } else if (succeeded(token, response)) {
      attempts.succeeded(key);
    }
  }

  /**
   * A client's answer: {@code 429} with {@code Retry-After} and a problem+json body, as every
   * refusal of the platform's APIs.
   */
  private static void tooManyAttempts(HttpServletResponse response, long seconds)
      throws IOException {
    response.setStatus(429);
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\""
                + TOO_MANY_ATTEMPTS
                + "\",\"title\":\"Too many failed attempts\",\"status\":429,"
                + "\"detail\":\"Client authentication failed too often from this address: try"
                + " again in "
                + seconds
                + " s.\"}");
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
