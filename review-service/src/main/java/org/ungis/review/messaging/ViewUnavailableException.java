package org.ungis.review.messaging;

import org.ungis.streams.ViewCatchingUpException;

/** A local view cannot be read right now (the streams are starting or rebalancing). */
public class ViewUnavailableException extends RuntimeException {
  public ViewUnavailableException(String view, Throwable cause) {
    super("the view " + view + " is not available yet", cause);
  }

  /** The view has not applied yet what was written before a rebalance or a restart. */
  static ViewUnavailableException catchingUp(ViewCatchingUpException e) {
    return new ViewUnavailableException(
        e.view() + " (catching up after a rebalance or a restart)", e);
  }
}
