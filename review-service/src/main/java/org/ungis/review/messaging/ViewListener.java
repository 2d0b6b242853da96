package org.ungis.review.messaging;

/** Told by the stream processors each time an event has been applied to a local view. */
@FunctionalInterface
public interface ViewListener {

  /** The event with this id has been applied. */
  void applied(String eventId);

  /** The review item of this contribution id has changed. */
  default void itemUpdated(String contributionId) {}

  ViewListener NONE = eventId -> {};
}
