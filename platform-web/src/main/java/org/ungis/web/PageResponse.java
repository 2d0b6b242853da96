package org.ungis.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, the same shape in every service: {@code {"items":[...],
 * "page":{"page":0,"size":20,"totalElements":N,"totalPages":M}}}.
 *
 * @param items the items of this page, in the list's documented order
 * @param page where the page sits in the whole list
 */
public record PageResponse<T>(List<T> items, Metadata page) {

  /**
   * @param page the zero-based page number asked for
   * @param size the page size asked for
   * @param totalElements how many items the whole list (with its filters) has
   * @param totalPages how many pages of {@code size} that makes
   */
  public record Metadata(int page, int size, long totalElements, int totalPages) {}

  public PageResponse {
    items = List.copyOf(items);
  }

  /** A page of {@code items} out of {@code total} matching items. */
  public static <T> PageResponse<T> of(List<T> items, PageRequest request, long total) {
    int totalPages = (int) ((total + request.size() - 1) / request.size());
    return new PageResponse<>(
        items, new Metadata(request.page(), request.size(), total, totalPages));
  }

  public <R> PageResponse<R> map(Function<? super T, ? extends R> mapper) {
    return new PageResponse<>(items.stream().<R>map(mapper).toList(), page);
  }
}
