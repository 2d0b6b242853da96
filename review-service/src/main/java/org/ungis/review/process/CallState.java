package org.ungis.review.process;

/** Whether a call for inputs accepts submissions and decisions. */
public enum CallState {
  OPEN,
  CLOSED
}
