package org.ungis.streams;

import java.util.Set;

/**
 * A view has not applied yet what was written to a partition before its assignment changed (or
 * which partition a key is in cannot be known right now): answer {@code 503}, the client retries.
 */
public class ViewCatchingUpException extends RuntimeException {

  private final String view;

  ViewCatchingUpException(String view, Set<Integer> partitions) {
    super(
        "the view "
            + view
            + " (partitions "
            + partitions
            + ") is catching up after a restart or a rebalance");
    this.view = view;
  }

  ViewCatchingUpException(String view, String why) {
    super("the view " + view + " cannot be caught up with yet: " + why);
    this.view = view;
  }

  ViewCatchingUpException(String view, Throwable cause) {
    super("the view " + view + " cannot be caught up with yet: " + cause, cause);
    this.view = view;
  }

  /** The store of the view. */
  public String view() {
    return view;
  }
}
