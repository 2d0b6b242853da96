package org.ungis.notification.notice;

/** Carries a letter to its recipient (an SMTP server, in production any relay). */
public interface Courier {

  /**
   * Hands one letter over; returns once the carrier has accepted it.
   *
   * @param recipient the e-mail address
   * @param messageId the stable id of the notification: the same on every attempt, so a receiver
   *     can drop a second copy
   * @throws DeliveryFailedException when the carrier did not accept it (the delivery is retried)
   */
  void deliver(String recipient, String messageId, Letter letter) throws DeliveryFailedException;

  /** The carrier did not accept a letter. */
  final class DeliveryFailedException extends Exception {
    public DeliveryFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
