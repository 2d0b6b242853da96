package org.ungis.notification.mail;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages over one SMTP connection, each on its own: a message the server refuses (a bad
 * address) fails alone and the next goes over the same connection; a connection that breaks fails
 * the message being sent and a new one carries the rest; a connection that cannot be opened fails
 * every message still to send.
 */
final class MailBatch {

  private static final Logger log = LoggerFactory.getLogger(MailBatch.class);

  /** Opens a connected transport. */
  @FunctionalInterface
  interface Connector {
    Transport connect() throws MessagingException;
  }

  private MailBatch() {}

  /**
   * Sends the messages in order.
   *
   * @return for each message, at the same index, null when the server accepted it or why not
   */
  static Exception[] send(List<MimeMessage> messages, Connector connector) {
    Exception[] failed = new Exception[messages.size()];
    Transport transport = null;
    try {
      for (int i = 0; i < messages.size(); i++) {
        if (transport == null) {
          try {
            transport = connector.connect();
          } catch (MessagingException | RuntimeException e) {
            for (int j = i; j < messages.size(); j++) {
              failed[j] = e;
            }
            return failed;
          }
        }
        MimeMessage message = messages.get(i);
        try {
          if (message.getSentDate() == null) {
            message.setSentDate(new Date());
          }
          message.saveChanges();
          Address[] recipients = message.getAllRecipients();
          transport.sendMessage(message, recipients == null ? new Address[0] : recipients);
        } catch (SendFailedException e) {
          failed[i] = e; // refused by the server, the connection stays usable
        } catch (MessagingException | RuntimeException e) {
          failed[i] = e;
          if (!transport.isConnected()) { // broken: the next message opens a new one
            close(transport);
            transport = null;
          }
        }
      }
      return failed;
    } finally {
      if (transport != null) {
        close(transport);
      }
    }
  }

  private static void close(Transport transport) {
    try {
      transport.close();
    } catch (MessagingException | RuntimeException e) {
      // the messages are sent or failed already: a failed QUIT changes neither
      log.debug("closing the SMTP connection failed", e);
    }
  }
}
