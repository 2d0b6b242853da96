package org.ungis.notification.mail;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.StreamProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
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
 *
 * <p>The letters go out from one sender thread, several over one SMTP connection: it takes the
 * letters handed over, waits up to {@code mail-linger} after the first for more (at most {@code
 * mail-batch}), and sends them as a {@link MailBatch}, each accepted or failed on its own. The
 * caller (the stream thread) only builds the message and gets each letter's outcome as a future.
 */
@Component
class SmtpCourier implements Courier, DisposableBean {

  static final String NOTIFICATION_HEADER = "X-UNGIS-Notification-Id";

  private static final Logger log = LoggerFactory.getLogger(SmtpCourier.class);

  private static final Duration STOP_WAIT = Duration.ofSeconds(30);

  static {
    nameTheStreamProvider();
  }

  private record Handed(String messageId, MimeMessage message, CompletableFuture<Void> sent) {}

  private final JavaMailSenderImpl mail;
  private final String from;
  private final int batchSize;
  private final Duration linger;
  private final BlockingQueue<Handed> handed = new LinkedBlockingQueue<>();
  private final Thread sender;
  private volatile boolean stopping;

  SmtpCourier(JavaMailSenderImpl mail, NotificationSettings settings) {
    this.mail = mail;
    this.from = settings.notifications().from();
    this.batchSize = Math.max(1, settings.notifications().mailBatch());
    this.linger = settings.notifications().mailLinger();
    this.sender = new Thread(this::sendLoop, "smtp-courier");
    this.sender.setDaemon(true);
    this.sender.start();
  }

  /** Hands the letter to the sender thread; the future completes once SMTP accepted it or not. */
  @Override
  public CompletionStage<Void> deliver(String recipient, String messageId, Letter letter) {
    if (stopping) {
      return CompletableFuture.failedFuture(
          new DeliveryFailedException("not sent, the service is stopping: " + messageId, null));
    }
    MimeMessage message;
    try {
      message = message(recipient, messageId, letter);
    } catch (MessagingException e) {
      return CompletableFuture.failedFuture(
          new DeliveryFailedException("SMTP did not accept " + messageId + ": " + e, e));
    }
    CompletableFuture<Void> sent = new CompletableFuture<>();
    handed.add(new Handed(messageId, message, sent));
    return sent;
  }

  /** The e-mail of one letter, with the notification's Message-ID. */
  MimeMessage message(String recipient, String messageId, Letter letter) throws MessagingException {
    MimeMessage message = new StableIdMessage(mail, messageId);
    MimeMessageHelper helper = new Helper(message);
    helper.setFrom(from);
    helper.setTo(recipient);
    helper.setSubject(letter.subject());
    helper.setText(letter.text(), letter.html());
    message.setHeader(NOTIFICATION_HEADER, messageId);
    message.setHeader("Content-Language", letter.language());
    return message;
  }

  /** Until stopped and every letter handed over is sent: a batch at a time. */
  private void sendLoop() {
    List<Handed> batch = new ArrayList<>(batchSize);
    while (!stopping || !handed.isEmpty()) {
      try {
        Handed first = handed.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        long until = System.nanoTime() + linger.toNanos();
        while (batch.size() < batchSize) {
          long left = until - System.nanoTime();
          Handed next = left > 0 ? handed.poll(left, TimeUnit.NANOSECONDS) : handed.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
      } catch (InterruptedException e) { // stopped for good: the next start sends them
        batch.addAll(handed);
        handed.clear();
        batch.forEach(
            letter ->
                letter
                    .sent()
                    .completeExceptionally(
                        new DeliveryFailedException("not sent " + letter.messageId(), e)));
        return;
      }
      send(batch);
      batch.clear();
    }
    // a letter handed over as the thread ended: it has an outcome too (the next start sends it)
    for (Handed late; (late = handed.poll()) != null; ) {
      late.sent()
          .completeExceptionally(
              new DeliveryFailedException(
                  "not sent, the service stopped: " + late.messageId(), null));
    }
  }

  private void send(List<Handed> batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      Exception[] failed =
          MailBatch.send(batch.stream().map(Handed::message).toList(), this::connect);
      int refused = 0;
      for (int i = 0; i < batch.size(); i++) {
        Handed letter = batch.get(i);
        if (failed[i] == null) {
          letter.sent().complete(null);
        } else {
          refused++;
          letter
              .sent()
              .completeExceptionally(
                  new DeliveryFailedException(
                      "SMTP did not accept " + letter.messageId() + ": " + failed[i], failed[i]));
        }
      }
      log.debug("sent {} e-mails over one connection, {} not accepted", batch.size(), refused);
    } catch (RuntimeException | Error e) { // never leave a letter without an outcome
      batch.forEach(
          letter ->
              letter
                  .sent()
                  .completeExceptionally(
                      new DeliveryFailedException("not sent " + letter.messageId() + ": " + e, e)));
      if (e instanceof Error error) {
        throw error;
      }
    }
  }

  /** A connected transport, as {@link JavaMailSenderImpl} opens one. */
  private Transport connect() throws MessagingException {
    String username = mail.getUsername();
    String password = mail.getPassword();
    if ("".equals(username)) {
      username = null;
      if ("".equals(password)) {
        password = null;
      }
    }
    String protocol = mail.getProtocol();
    if (protocol == null) {
      protocol = mail.getSession().getProperty("mail.transport.protocol");
    }
    Transport transport =
        mail.getSession()
            .getTransport(protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
    transport.connect(mail.getHost(), mail.getPort(), username, password);
    return transport;
  }

  /** Sends what was handed over (the stream threads are stopped by now), then ends the thread. */
  @Override
  public void destroy() throws InterruptedException {
    stopping = true;
    sender.join(STOP_WAIT.toMillis());
    if (sender.isAlive()) {
      log.warn("e-mails still unsent after {}: they are attempted again at start", STOP_WAIT);
      sender.interrupt();
    }
  }

  /**
   * Jakarta Mail 2.1 looks up its {@link StreamProvider} again for every message part it creates or
   * writes and every header it encodes ({@code StreamProvider.provider()}, uncached): a {@code
   * ServiceLoader} search of the class path each time, unless the system property named after the
   * interface names the implementation, the lookup's first step. This names the implementation that
   * the search finds, once, unless the property names one already.
   */
  private static void nameTheStreamProvider() {
    String property = StreamProvider.class.getName();
    if (System.getProperty(property) == null) {
      System.setProperty(property, StreamProvider.provider().getClass().getName());
    }
  }

  /**
   * A multipart helper that shares one file type map. {@link MimeMessageHelper} otherwise makes a
   * new one for every message that {@link JavaMailSenderImpl#createMimeMessage()} did not create,
   * reading and parsing Spring's {@code mime.types} from the jar each time: most of the CPU of
   * building an e-mail. A letter has no attachment, so the map is never even consulted.
   */
  private static final class Helper extends MimeMessageHelper {
    private static final FileTypeMap FILE_TYPES = fileTypes();

    Helper(MimeMessage message) throws MessagingException {
      super(message, true, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
      return FILE_TYPES;
    }

    private static FileTypeMap fileTypes() {
      ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
      types.afterPropertiesSet();
      return types;
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
