package org.ungis.review.messaging;

/** Told by the stream processors each time an event has been applied to a local view. */
@FunctionalInterface
public interface ViewListener {
  void applied(String eventId);

  ViewListener NONE = eventId -> {};
}
