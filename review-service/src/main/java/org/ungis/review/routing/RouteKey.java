package org.ungis.review.routing;

import java.nio.charset.StandardCharsets;
import org.springframework.web.util.UriUtils;

/**
 * What a request is about, read from its method and path: one contribution's review item ({@code
 * /api/v1/reviews/{contributionId}...}), one call ({@code /api/v1/processes/{id}...}), a new call
 * ({@code POST /api/v1/processes}, whose id is in the body), or nothing in particular (the lists).
 */
record RouteKey(Kind kind, String key) {

  static final String REVIEWS = "/api/v1/reviews";
  static final String PROCESSES = "/api/v1/processes";

  enum Kind {
    ITEM,
    CALL,
    NEW_CALL,
    NONE
  }

  static final RouteKey NONE = new RouteKey(Kind.NONE, null);

  /**
   * @param method the HTTP method
   * @param path the path without the context path
   */
  static RouteKey of(String method, String path) {
    String id = firstSegmentAfter(REVIEWS, path);
    if (id != null) {
      return new RouteKey(Kind.ITEM, id);
    }
    id = firstSegmentAfter(PROCESSES, path);
    if (id != null) {
      return new RouteKey(Kind.CALL, id);
    }
    if ("POST".equals(method) && (PROCESSES.equals(path) || (PROCESSES + "/").equals(path))) {
      return new RouteKey(Kind.NEW_CALL, null);
    }
    return NONE;
  }

  private static String firstSegmentAfter(String prefix, String path) {
    if (!path.startsWith(prefix + "/")) {
      return null;
    }
    String rest = path.substring(prefix.length() + 1);
    int slash = rest.indexOf('/');
    String segment = slash < 0 ? rest : rest.substring(0, slash);
    return segment.isEmpty() ? null : UriUtils.decode(segment, StandardCharsets.UTF_8);
  }
}
