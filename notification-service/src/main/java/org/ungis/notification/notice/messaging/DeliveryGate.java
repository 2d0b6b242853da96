package org.ungis.notification.notice.messaging;

import java.time.Duration;

/**
 * Lets a clean stop (a restart, a redeploy) end without a delivery to repeat: once closing, the
 * delivery step starts no new attempt (it leaves the notification due in its {@code pending} store
 * for the next start), and the stop waits until every attempt already started has its outcome taken
 * up on the stream thread; the streams client's close then commits those outcomes. Only a kill (or
 * an attempt still unanswered after the wait) leaves an attempt whose outcome is lost.
 */
public final class DeliveryGate {

  private boolean closing;
  private int unsettled;

  synchronized boolean open() {
    return !closing;
  }

  /** An attempt started. */
  synchronized void started() {
    unsettled++;
  }

  /** An attempt's outcome was taken up (its step is in the stores and on its way to the log). */
  synchronized void settled() {
    unsettled--;
    if (unsettled <= 0) {
      notifyAll();
    }
  }

  /**
   * Starts no new attempt and waits for the started ones to settle.
   *
   * @return whether all settled within the timeout
   */
  public synchronized boolean drain(Duration timeout) throws InterruptedException {
    closing = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (unsettled > 0) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }
}
