package org.ungis.review.messaging;

/** Told by the stream processors each time an event has been applied to a local view. */
@FunctionalInterface
public interface ViewListener {

  /** The event with this id has been applied. */
  void applied(String eventId);

  /** The review item of this contribution id has changed. */
  default void itemUpdated(String contributionId) {}

  /**
   * The event with this id was refused by the view (it went to the dead-letter topic, e.g. a
   * snapshot that would reopen a closed call): it will never be applied.
   */
  default void refused(String eventId) {}

  ViewListener NONE = eventId -> {};
}
