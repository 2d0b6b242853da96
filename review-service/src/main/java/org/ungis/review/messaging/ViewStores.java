package org.ungis.review.messaging;

/** Names of the local views (Kafka Streams state stores, each with a changelog topic). */
public final class ViewStores {
  /** Calls for inputs by process id. */
  public static final String CALLS = "calls";

  /** Contributions under review, with their decisions, by contribution id. */
  public static final String REVIEW_ITEMS = "review-items";

  private ViewStores() {}
}
