package org.ungis.notification.notice;

import java.util.List;

/**
 * What a watch does with an event: its next state and the notices to send.
 *
 * @param next the state after the event
 * @param notices who is told what
 * @param <W> the watch
 */
public record Step<W>(W next, List<Notice> notices) {

  public Step {
    notices = List.copyOf(notices);
  }
}
