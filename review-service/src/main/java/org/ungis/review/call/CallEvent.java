package org.ungis.review.call;

/** What happened to a call for inputs, as published with its new snapshot. */
public enum CallEvent {
  OPENED,
  CLOSED,
  EXTENSION_GRANTED,
  /** The joint input's framing or settings changed. */
  UPDATED
}
