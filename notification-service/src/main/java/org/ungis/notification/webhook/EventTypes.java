package org.ungis.notification.webhook;

import java.util.List;

/** The event types an integrator may subscribe to, one per kind of workflow event. */
public final class EventTypes {

  /** Every type, as a webhook body's {@code type} names it. */
  public static final List<String> ALL =
      List.of(
          "call.opened",
          "call.closed",
          "call.extension_granted",
          "call.updated",
          "contribution.submitted",
          "contribution.revised",
          "contribution.withdrawn",
          "review.decided",
          "record.edition");

  private EventTypes() {}
}
