package org.ungis.routing;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The service's {@link BodyLimit} for every request, whether or not several instances route: a
 * request that declares ({@code Content-Length}) a longer body is answered 413 {@code
 * payload-too-large} before anything is read; one that turns out longer (chunked) once the limit is
 * passed; a body within the limit is handed on in memory ({@link CachedBodyRequest}), so no
 * controller ever reads more than the limit. Register it right behind Spring Security's filter
 * chain (so that a caller without a valid token makes the service read nothing) and in front of the
 * routing and the controllers.
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

  private final BodyLimit limit;

  public BodyLimitFilter(BodyLimit limit) {
    this.limit = limit;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    CachedBodyRequest withBody;
    try {
      withBody = new CachedBodyRequest(request, limit);
    } catch (PayloadTooLargeException e) {
      RoutingProblems.payloadTooLarge(response, request.getRequestURI(), e);
      return;
    }
    chain.doFilter(withBody, response);
  }

  /** A body is declared ({@code Content-Length} above 0) or sent in chunks. */
  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }
}
