package org.ungis.notification.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.ungis.notification.NotificationSettings;
import org.ungis.notification.notice.Courier;
import org.ungis.notification.notice.Letter;

/**
 * Sends a letter as one multipart/alternative e-mail (plain text and HTML) through the SMTP server
 * of {@code spring.mail.*}. The {@code Message-ID} is derived from the notification id, so every
 * attempt of one notification carries the same one.
 */
@Component
class SmtpCourier implements Courier {

  static final String NOTIFICATION_HEADER = "X-UNGIS-Notification-Id";

  private final JavaMailSenderImpl mail;
  private final String from;

  SmtpCourier(JavaMailSenderImpl mail, NotificationSettings settings) {
    this.mail = mail;
    this.from = settings.notifications().from();
  }

  /** Sends at once, on the calling thread: one SMTP relay, with short timeouts. */
  @Override
  public CompletionStage<Void> deliver(String recipient, String messageId, Letter letter) {
    try {
      MimeMessage message = new StableIdMessage(mail, messageId);
      MimeMessageHelper helper =
          new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(recipient);
      helper.setSubject(letter.subject());
      helper.setText(letter.text(), letter.html());
      message.setHeader(NOTIFICATION_HEADER, messageId);
      message.setHeader("Content-Language", letter.language());
      mail.send(message);
      return CompletableFuture.completedFuture(null);
    } catch (MessagingException | MailException e) {
      return CompletableFuture.failedFuture(
          new DeliveryFailedException("SMTP did not accept " + messageId + ": " + e, e));
    }
  }

  /** A message whose Message-ID is the notification's, not a fresh one per attempt. */
  private static final class StableIdMessage extends MimeMessage {
    private final String id;

    StableIdMessage(JavaMailSenderImpl mail, String notificationId) {
      super(mail.getSession());
      this.id =
          "<"
              + java.util.UUID.nameUUIDFromBytes(notificationId.getBytes(StandardCharsets.UTF_8))
              + "@notifications.ungis>";
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", id);
    }
  }
}
