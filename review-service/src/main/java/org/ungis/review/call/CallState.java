package org.ungis.review.call;

/** Whether a call for inputs accepts submissions and decisions. */
public enum CallState {
  OPEN,
  CLOSED
}
