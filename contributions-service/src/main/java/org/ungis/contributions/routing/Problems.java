package org.ungis.contributions.routing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/** problem+json answers written by the routing layer, shaped like the service's own. */
final class Problems {

  static final String TYPE_BASE = "https://ungis.org/problems/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  /** 503 {@code unavailable} with {@code Retry-After}, as the service's other 503s. */
  static void unavailable(HttpServletResponse response, String instance, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, "5");
    write(response, 503, "unavailable", "Service unavailable", instance, detail);
  }

  static void write(
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
