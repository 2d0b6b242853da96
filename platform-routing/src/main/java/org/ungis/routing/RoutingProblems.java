package org.ungis.routing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * problem+json answers written by the routing layer (before or outside a controller), shaped like
 * the services' own: {@code type} {@code https://ungis.org/problems/<slug>}.
 */
public final class RoutingProblems {

  public static final String TYPE_BASE = "https://ungis.org/problems/";

  /** Seconds a client waits before it retries a 503, as the services' other 503s. */
  public static final String RETRY_AFTER_SECONDS = "5";

  /** The title of every 503 {@code unavailable}, as the services' own problems spell it. */
  public static final String UNAVAILABLE_TITLE = "Service unavailable";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RoutingProblems() {}

  /** 503 {@code unavailable} with {@code Retry-After}. */
  public static void unavailable(HttpServletResponse response, String instance, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    write(response, 503, "unavailable", UNAVAILABLE_TITLE, instance, detail);
  }

  /**
   * 413 {@code payload-too-large}: the request body is longer than the routing reads ({@link
   * BodyLimit}).
   */
  public static void payloadTooLarge(
      HttpServletResponse response, String instance, PayloadTooLargeException e)
      throws IOException {
    write(response, 413, "payload-too-large", "Payload too large", instance, e.getMessage());
  }

  /**
   * 504 {@code owner-timeout}: the instance the request was forwarded to did not answer in time; it
   * may have applied the request all the same.
   */
  public static void ownerTimeout(HttpServletResponse response, String instance, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    write(response, 504, "owner-timeout", "Owner did not answer in time", instance, detail);
  }

  /** 400 {@code bad-request}: a request that cannot be sent on as it is (a header, the URI). */
  public static void badRequest(HttpServletResponse response, String instance, String detail)
      throws IOException {
    write(response, 400, "bad-request", "Bad request", instance, detail);
  }

  /** 400 {@code validation}: a parameter of an internal endpoint is not one it understands. */
  public static void invalid(HttpServletResponse response, String instance, String detail)
      throws IOException {
    write(response, 400, "validation", "Invalid input", instance, detail);
  }

  public static void write(
      HttpServletResponse response,
      int status,
      String slug,
      String title,
      String instance,
      String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("detail", detail);
    problem.put("instance", instance);
    problem.put("status", status);
    problem.put("title", title);
    problem.put("type", TYPE_BASE + slug);
    byte[] body = JSON.writeValueAsBytes(problem);
    response.setStatus(status);
    response.setContentType("application/problem+json");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
