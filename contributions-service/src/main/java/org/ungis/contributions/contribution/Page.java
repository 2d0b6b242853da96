package org.ungis.contributions.contribution;

import java.util.List;
import java.util.function.Function;

/** One page of a result. */
public record Page<T>(List<T> items, int page, int size, long totalElements, int totalPages) {

  public Page {
    items = List.copyOf(items);
  }

  /** The page {@code page} of {@code size} items out of the whole, ordered result. */
  public static <T> Page<T> of(List<T> all, int page, int size) {
    int from = (int) Math.min((long) page * size, all.size());
    int to = Math.min(from + size, all.size());
    int totalPages = (all.size() + size - 1) / size;
    return new Page<>(all.subList(from, to), page, size, all.size(), totalPages);
  }

  public <R> Page<R> map(Function<T, R> mapper) {
    return new Page<>(items.stream().map(mapper).toList(), page, size, totalElements, totalPages);
  }
}
