package org.ungis.web;

import java.util.List;

/**
 * Which page of a list a client asks for: {@code page} (zero-based, default 0) and {@code size} (1
 * to {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}).
 */
public record PageRequest(int page, int size) {

  public static final String PAGE = "page";
  public static final String SIZE = "size";
  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 100;

  public PageRequest {
    if (page < 0) {
      throw InvalidParameterException.invalid(PAGE, "must be 0 or more");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw InvalidParameterException.invalid(SIZE, "must be between 1 and " + MAX_SIZE);
    }
  }

  /** The page from the query parameters' values (null or blank: the default). */
  public static PageRequest of(String page, String size) {
    Integer p = QueryParameters.integer(PAGE, page, 0, Integer.MAX_VALUE);
    Integer s = QueryParameters.integer(SIZE, size, 1, MAX_SIZE);
    return new PageRequest(p == null ? 0 : p, s == null ? DEFAULT_SIZE : s);
  }

  /** How many items come before this page. */
  public long offset() {
    return (long) page * size;
  }

  /** How many items a source must hold to fill this page: every item up to its end. */
  public int limit() {
    return (int) Math.min(offset() + size, Integer.MAX_VALUE);
  }

  /** This page of a whole, ordered list. */
  public <T> PageResponse<T> slice(List<T> all) {
    int from = (int) Math.min(offset(), all.size());
    int to = Math.min(from + size, all.size());
    return PageResponse.of(all.subList(from, to), this, all.size());
  }
}
