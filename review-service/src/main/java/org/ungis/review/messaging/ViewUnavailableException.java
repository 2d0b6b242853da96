package org.ungis.review.messaging;

/** A local view cannot be read right now (the streams are starting or rebalancing). */
public class ViewUnavailableException extends RuntimeException {
  public ViewUnavailableException(String view, Throwable cause) {
    super("the view " + view + " is not available yet", cause);
  }
}
