package org.ungis.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Adds {@code Server-Timing: app;dur=<ms>} to every page, fragment and download: the time from the
 * request's arrival in the application (before sign-in and session handling) to the last byte of
 * its body rendered, the services' answers and the template included. A browser's developer tools
 * and the benchmark's portal scenario read it beside the latency they observe. A header cannot
 * follow the body, so the body is held until it is complete ({@link HeldResponse}, as Spring's
 * {@code ShallowEtagHeaderFilter} holds it); the live event stream ({@code /live}) streams,
 * untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ServerTiming extends OncePerRequestFilter {

  static final String HEADER = "Server-Timing";

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/live");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long start = System.nanoTime();
    HeldResponse held = new HeldResponse(response);
    chain.doFilter(request, held);
    if (!response.isCommitted()) {
      response.setHeader(HEADER, value(System.nanoTime() - start));
    }
    held.copyBodyToResponse();
  }

  /** The header's value for a duration: {@code app;dur=12.3} (milliseconds, one decimal). */
  static String value(long nanos) {
    return String.format(Locale.ROOT, "app;dur=%.1f", nanos / 1_000_000.0);
  }
}
