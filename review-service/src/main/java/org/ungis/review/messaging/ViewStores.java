package org.ungis.review.messaging;

/** Names of the local views (Kafka Streams state stores, each with a changelog topic). */
public final class ViewStores {
  /** Calls for inputs by process id. */
  public static final String CALLS = "calls";

  /** Contributions under review, with their decisions, by contribution id. */
  public static final String REVIEW_ITEMS = "review-items";

  /** Requests with an Idempotency-Key that opened, extended or closed a call, by agency/key. */
  public static final String CALL_REQUESTS = "call-requests";

  /** Requests with an Idempotency-Key that recorded a decision, by agency/key. */
  public static final String DECISION_REQUESTS = "decision-requests";

  private ViewStores() {}
}
