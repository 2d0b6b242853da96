package org.ungis.notification.notice;

import java.util.concurrent.CompletionStage;

/** Carries a letter to its recipient (an SMTP server, in production any relay). */
public interface Courier {

  /**
   * Hands one letter over.
   *
   * @param recipient the e-mail address
   * @param messageId the stable id of the notification: the same on every attempt, so a receiver
   *     can drop a second copy
   * @return completes once the carrier has accepted it, or exceptionally with a {@link
   *     DeliveryFailedException} when it did not (the delivery is retried)
   */
  CompletionStage<Void> deliver(String recipient, String messageId, Letter letter);

  /** The carrier did not accept a letter. */
  final class DeliveryFailedException extends Exception {
    public DeliveryFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
