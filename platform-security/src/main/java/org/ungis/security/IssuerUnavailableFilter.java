package org.ungis.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns "the token could not be checked" (the issuer's discovery document or JWK set unreachable)
 * into {@code 503} problem+json instead of a {@code 500}: the caller's token may be fine, the
 * authorization server is not. Sits in front of the bearer-token filter.
 */
final class IssuerUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(IssuerUnavailableFilter.class);

  private final ProblemResponses problems;

  IssuerUnavailableFilter(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (AuthenticationServiceException | JwtDecoderInitializationException e) {
      log.warn("Cannot check a bearer token: {}", e.getMessage());
      problems.unavailable(request, response);
    }
  }
}
